//! Uncatchable errors of the host's own.
//!
//! Boa 0.22 lets a host stop guest code with an error no `catch` sees only through its own
//! kinds (runtime limits, `PanicError`); it has no variant a host can define. The engine's
//! limits that Boa does not count (the timeout, the pending-job cap) travel as a `PanicError`
//! whose message starts with a mark, and are told apart from Boa's own panics by it.

use boa_engine::{JsError, error::EngineError, error::PanicError};

const MARK: &str = "hardened limit: ";

/// An error guest code cannot catch, carrying `tag`.
pub(crate) fn uncatchable(tag: &str) -> JsError {
    PanicError::new(format!("{MARK}{tag}")).into()
}

/// The tag of an error made by [`uncatchable`].
pub(crate) fn uncatchable_tag(error: &JsError) -> Option<&str> {
    match error.as_engine()? {
        EngineError::Panic(panic) => panic.message().strip_prefix(MARK),
        _ => None,
    }
}
