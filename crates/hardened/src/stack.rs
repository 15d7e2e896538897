//! The native-stack guard for natives that guest objects can make re-enter themselves.
//!
//! Boa's recursion limit counts JavaScript frames only: a native function that calls a guest
//! callable which is itself native (a builtin installed as a getter, a bound builtin, a proxy
//! trap) nests Rust frames without limit, and a Rust stack overflow aborts the process. Every
//! native such a cycle can pass through checks the stack first (see `bounded::reentry`): it
//! stops near the end of the stack, and after `Limits::native_stack` (256 MiB by default) of
//! native stack below the engine call it runs in, so that a host thread with a huge stack does
//! not spend minutes recursing to its end.

use std::cell::Cell;

use boa_engine::{JsError, JsResult, error::RuntimeLimitError};

/// Native stack a re-entrant native keeps free.
const RED_ZONE: usize = 256 * 1024;

/// The default of the most native stack one engine call may use.
pub(crate) const DEFAULT_DEPTH: usize = 256 * 1024 * 1024;

thread_local! {
    /// Where the running engine call (or stack segment) began; 0 outside any.
    static BASE: Cell<usize> = const { Cell::new(0) };
    /// The most native stack the running engine call may use below `BASE`.
    static DEPTH: Cell<usize> = const { Cell::new(DEFAULT_DEPTH) };
}

/// The most native stack the running engine call may use.
pub(crate) fn depth() -> usize {
    DEPTH.get()
}

/// The stack pointer (read by `psm`: the address of a local would be a heap address under
/// AddressSanitizer's fake stacks).
fn stack_pointer() -> usize {
    psm::stack_pointer() as usize
}

/// Fails with Boa's (uncatchable) recursion-limit error when the native stack is nearly used up
/// or deeper than the engine call's native-stack limit.
pub(crate) fn ensure_native_stack() -> JsResult<()> {
    if stacker::remaining_stack().is_some_and(|remaining| remaining < RED_ZONE) {
        return Err(JsError::from(RuntimeLimitError::Recursion));
    }
    let base = BASE.get();
    let here = stack_pointer();
    // The stack grows down; a frame above the base belongs to another segment.
    if base != 0 && here < base && base - here > DEPTH.get() {
        return Err(JsError::from(RuntimeLimitError::Recursion));
    }
    Ok(())
}

/// Puts the previous base and limit back when dropped, also when the call unwinds.
struct Restore(usize, usize);

impl Drop for Restore {
    fn drop(&mut self) {
        BASE.set(self.0);
        DEPTH.set(self.1);
    }
}

/// Runs `f` as an engine call that may use `depth` bytes of native stack: measured from here,
/// unless an outer engine call already set the base.
pub(crate) fn engine_call<R>(depth: usize, f: impl FnOnce() -> R) -> R {
    let outer = BASE.get();
    let _restore = Restore(outer, DEPTH.get());
    if outer == 0 {
        BASE.set(stack_pointer());
        DEPTH.set(depth);
    }
    f()
}

/// Runs `f`, which `stacker` may have moved to a new stack segment: there, depth is measured
/// from the segment's start (the segment's own end is caught by the red zone).
pub(crate) fn segment<R>(from: usize, f: impl FnOnce() -> R) -> R {
    let here = stack_pointer();
    let moved = here > from || from - here > 1024 * 1024;
    let _restore = Restore(BASE.get(), DEPTH.get());
    if moved {
        BASE.set(here);
    }
    f()
}

/// The current stack address, for [`segment`].
pub(crate) fn here() -> usize {
    stack_pointer()
}
