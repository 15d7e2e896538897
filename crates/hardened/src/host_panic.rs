//! Panics in the host's own Rust code that guest code reaches: functions endowed with
//! [`CompartmentOptions::function`](crate::CompartmentOptions::function) and module hooks.
//!
//! Such a panic is the host's bug, not Boa's. It is caught where the engine called the host,
//! ends the guest's call with an uncatchable error (no guest `catch` runs after it), and is
//! raised again in the host when its call into the engine returns (`Engine::guarded`), with its
//! own payload; the engine stays usable. A panic that unwound through Boa's own frames on its
//! way (the host had called back into the engine, which panicked) may have left Boa
//! inconsistent: it goes on unwinding and poisons the engine like any panic of Boa's.

use std::{
    any::Any,
    cell::{Cell, RefCell},
    panic::{self, AssertUnwindSafe},
};

use boa_engine::{Context, JsResult};

/// The engine call in progress, and the first host panic it ran into (context host data).
#[derive(Default)]
pub(crate) struct HostPanics {
    /// An `Engine` call is running: host panics are kept for it to raise.
    armed: Cell<bool>,
    pending: RefCell<Option<Box<dyn Any + Send>>>,
}

impl HostPanics {
    pub(crate) fn install(context: &mut Context) {
        context.insert_data(Self::default());
    }
}

/// Runs host code for the engine, keeping a panic of its own for [`disarm`]. Once one is kept,
/// host code is not run again in the same call (Boa drops uncatchable errors in a few paths,
/// after which guest code may go on until the call returns). Outside an `Engine` call (a host
/// calling functions through the raw `Context`), a panic unwinds as it would from any native
/// function: no engine call is there to raise it again.
pub(crate) fn contain<T>(
    context: &mut Context,
    host: impl FnOnce(&mut Context) -> JsResult<T>,
) -> JsResult<T> {
    match context.get_data::<HostPanics>() {
        Some(panics) if panics.armed.get() => {
            if panics.pending.borrow().is_some() {
                return Err(crate::boa::uncatchable::uncatchable("HostPanic"));
            }
        }
        _ => return host(context),
    }
    let frames = context.stack_trace().count();
    let payload = match panic::catch_unwind(AssertUnwindSafe(|| host(context))) {
        Ok(result) => return result,
        Err(payload) => payload,
    };
    match context.get_data::<HostPanics>() {
        Some(panics) if context.stack_trace().count() == frames => {
            panics.pending.borrow_mut().get_or_insert(payload);
            Err(crate::boa::uncatchable::uncatchable("HostPanic"))
        }
        _ => panic::resume_unwind(payload),
    }
}

/// Starts an engine call, for which host panics are kept.
pub(crate) fn arm(context: &Context) {
    if let Some(panics) = context.get_data::<HostPanics>() {
        panics.armed.set(true);
    }
}

/// Ends the engine call: the host panic it ran into, if any.
pub(crate) fn disarm(context: &Context) -> Option<Box<dyn Any + Send>> {
    let panics = context.get_data::<HostPanics>()?;
    panics.armed.set(false);
    panics.pending.borrow_mut().take()
}
