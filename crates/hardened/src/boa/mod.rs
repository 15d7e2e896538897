//! Every workaround for a Boa 0.22 defect or gap, in one place. Each has a canary test
//! (`tests/boa_canaries.rs`) that fails once Boa fixes the defect, so the workaround can go.
//!
//! | workaround | defect |
//! |---|---|
//! | [`value_stack`] | an uncatchable error leaves the entered frame's value-stack slots |
//! | [`regexp_source`] | `RegExp.prototype.source` escapes an escaped `/` again |
//! | [`module_frame`] | linking or evaluating a module from native code leaves values on the VM stack |
//! | [`uncatchable`] | no uncatchable error kind a host can define |
//! | [`error_names`] | the `URIError` kind displays as "UriError" |
//!
//! Workarounds that live with the code they guard, named here so the list is whole:
//! `parse::guest` rejects `using` declarations (Boa parses them and then panics running them);
//! `evaluator::source::function_source` checks a `Function`'s parameters inside a whole
//! function (Boa's `parse_formal_parameters` rejects destructuring); `parse::scan` charges the
//! native stack Boa's recursive parser, compiler and AST drop take per construct (measured).

pub(crate) mod error_names;
pub(crate) mod module_frame;
pub(crate) mod regexp_source;
pub(crate) mod uncatchable;
pub(crate) mod value_stack;
