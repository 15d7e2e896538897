//! The value stack an uncatchable error leaves behind.

use boa_engine::{
    Context, JsValue, NativeFunction,
    error::{EngineError, RuntimeLimitError},
    object::FunctionObjectBuilder,
};

/// Boa 0.22 leaves the value-stack slots of the frame the host entered when an uncatchable
/// error (a runtime limit) unwinds it: `Vm::handle_error` stops at that frame without
/// truncating the stack, and `JsObject::call` pops the frame without truncating either. The
/// slots can never be reclaimed through Boa's public API, and after a few thousand limit
/// errors every call fails with `RuntimeLimitError::StackSize` (a guest with a large frame
/// needs two). So after each such error the engine raises Boa's value-stack limit by what was
/// left behind: guests keep the headroom they had; the slots (16 bytes each) stay allocated
/// until the engine is dropped.
pub(crate) struct ValueStack {
    /// Boa's value-stack limit before anything was left behind.
    limit: usize,
}

impl ValueStack {
    pub(crate) fn new(context: &Context) -> Self {
        Self {
            limit: context.runtime_limits().stack_size_limit(),
        }
    }

    /// Restores the guests' headroom after an uncatchable error.
    pub(crate) fn restore_headroom(&self, context: &mut Context) {
        let left_behind = length(context);
        context
            .runtime_limits_mut()
            .set_stack_size_limit(self.limit.saturating_add(left_behind));
    }
}

/// The length of Boa's value stack, read through its limit: calling a native function fails
/// with `StackSize` exactly when the length has reached the limit (Boa checks after popping
/// the call's own operands). Only valid where no frame is running (at the API boundary).
pub(crate) fn length(context: &mut Context) -> usize {
    let probe = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_fn_ptr(|_, _, _| Ok(JsValue::undefined())),
    )
    .build();
    let saved = context.runtime_limits().stack_size_limit();
    let fits = |limit: usize, context: &mut Context| {
        context.runtime_limits_mut().set_stack_size_limit(limit);
        !matches!(
            probe.call(&JsValue::undefined(), &[], context),
            Err(error) if matches!(
                error.as_engine(),
                Some(EngineError::RuntimeLimit(RuntimeLimitError::StackSize))
            )
        )
    };
    // The smallest limit the call fits under is the length plus one.
    let mut high = saved.max(1);
    while !fits(high, context) && high < usize::MAX / 2 {
        high *= 2;
    }
    let mut low = 0;
    while low + 1 < high {
        let middle = low + (high - low) / 2;
        if fits(middle, context) {
            high = middle;
        } else {
            low = middle;
        }
    }
    context.runtime_limits_mut().set_stack_size_limit(saved);
    high - 1
}
