//! Module steps run from native code leave values on Boa's VM stack.
//!
//! Boa 0.22 leaves values on the VM stack each time it links or evaluates a module from native
//! code (its module frames are pushed with `this` and the function below them, and only the
//! frame is popped). Left there, they grow without bound and, inside an expression, shift the
//! caller's operands (`f(c.importNow('m').x)` would call the wrong thing). So those steps run
//! inside a call of a tiny JavaScript function: returning from it truncates the stack to its
//! frame.

use boa_engine::{
    Context, JsObject, JsResult, JsValue, NativeFunction, object::FunctionObjectBuilder,
};

/// The frame module steps run in; compiled once per engine through the parser entry.
pub(crate) const FRAME_SOURCE: &str = "(function (f) { 'use strict'; return f(); })";

/// Runs `step` inside `frame`, a function made from [`FRAME_SOURCE`].
pub(crate) fn in_frame(
    frame: &JsObject,
    step: NativeFunction,
    context: &mut Context,
) -> JsResult<JsValue> {
    let step = FunctionObjectBuilder::new(context.realm(), step).build();
    frame.call(&JsValue::undefined(), &[step.into()], context)
}
