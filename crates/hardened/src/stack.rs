//! The native-stack guard for natives that guest objects can make re-enter themselves.
//!
//! Boa's recursion limit counts JavaScript frames only: a native function that calls a guest
//! callable which is itself native (a builtin installed as a getter, a bound builtin, a proxy
//! trap) nests Rust frames without limit, and a Rust stack overflow aborts the process. Every
//! native such a cycle can pass through checks the remaining stack first (see
//! `bounded::reentry`).

use boa_engine::{JsError, JsResult, error::RuntimeLimitError};

/// Native stack a re-entrant native keeps free.
const RED_ZONE: usize = 256 * 1024;

/// Fails with Boa's (uncatchable) recursion-limit error when the native stack is nearly used up.
pub(crate) fn ensure_native_stack() -> JsResult<()> {
    match stacker::remaining_stack() {
        Some(remaining) if remaining < RED_ZONE => Err(JsError::from(RuntimeLimitError::Recursion)),
        _ => Ok(()),
    }
}
