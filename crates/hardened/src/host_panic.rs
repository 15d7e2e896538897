//! Panics in the host's own Rust code that guest code reaches: functions endowed with
//! [`CompartmentOptions::function`](crate::CompartmentOptions::function) or `host_fn`, module
//! hooks, and the futures of async natives (`NativeFunction::from_async_fn`), which the job
//! queue polls.
//!
//! Such a panic is the host's bug, not Boa's. It is caught where the engine called the host and
//! halts the rest of the call ([`Watch::halt`]): the guest's call ends with an uncatchable error,
//! and since Boa drops such an error in a few paths (an iterator's `return()` still runs, an
//! `await` continuation discards it), every later function call, loop iteration, global lookup
//! and promise job of the call fails too. The engine drops the jobs still queued, restores its
//! limits and raises the panic again in the host, with its own payload (`Engine::guarded`); the
//! engine stays usable.
//!
//! A panic that unwound through Boa's own frames (the host had called back into the engine,
//! which panicked), or that follows a kept one, may have left Boa inconsistent: it goes on
//! unwinding and poisons the engine like any panic of Boa's. What this cannot tell apart: Boa
//! panicking in a builtin the host called directly (a conversion running a guest `toString`
//! that is itself a native), with no guest frame between, looks like the host's own panic; the
//! host gets a panic either way, but the engine is not poisoned.

use std::{
    any::Any,
    cell::{Cell, RefCell},
    panic::{self, AssertUnwindSafe},
};

use boa_engine::{Context, JsResult};

use crate::limits::{Watch, halted};

/// The engine call in progress, and the first host panic it ran into (context host data).
#[derive(Default)]
pub(crate) struct HostPanics {
    /// An `Engine` call is running: host panics are kept for it to raise.
    armed: Cell<bool>,
    pending: RefCell<Option<Box<dyn Any + Send>>>,
    /// Boa panicked in engine work a host function asked for ([`crate::host_fn::Caller`]), in
    /// this engine call: the engine is poisoned whatever the host code around it did with the
    /// panic (it may have caught it), and every later panic of the call is taken for Boa's.
    boa: RefCell<Option<String>>,
}

impl HostPanics {
    pub(crate) fn install(context: &mut Context) {
        context.insert_data(Self::default());
    }
}

/// Runs host code for the engine, keeping a panic of its own for [`disarm`] and halting the
/// call. Once one is kept, host code is not run again in the same call. Outside an `Engine`
/// call (a host calling functions through the raw `Context`), a panic unwinds as it would from
/// any native function: no engine call is there to raise it again.
pub(crate) fn contain<T>(
    context: &mut Context,
    host: impl FnOnce(&mut Context) -> JsResult<T>,
) -> JsResult<T> {
    match context.get_data::<HostPanics>() {
        Some(panics) if panics.armed.get() => {
            if panics.pending.borrow().is_some() {
                return Err(halted());
            }
        }
        _ => return host(context),
    }
    let frames = context.stack_trace().count();
    let payload = match panic::catch_unwind(AssertUnwindSafe(|| host(context))) {
        // A panic kept while this host code ran (it called guest code that reached another
        // endowment) ends the call here too, whatever the host made of the error it got (a
        // "try" helper returns it as a value, and guest code would go on).
        Ok(result) => {
            return match context.get_data::<HostPanics>() {
                Some(panics) if panics.pending.borrow().is_some() => Err(halted()),
                _ => result,
            };
        }
        Err(payload) => payload,
    };
    // The host's own panic left Boa's frames as they were. One that unwound through Boa's
    // frames is taken for Boa's: it unwinds on and poisons.
    if context.stack_trace().count() != frames {
        panic::resume_unwind(payload);
    }
    keep(context, payload)
}

/// Keeps `payload`, a panic of the host's own code, for the engine call to raise, and halts
/// the call. One that came after a host panic was kept (Boa reacting to the halted call cannot
/// be told from the host panicking again), one marked as the engine's, or one outside an
/// engine call unwinds on (and poisons the engine, in a call).
pub(crate) fn keep<T>(context: &mut Context, payload: Box<dyn Any + Send>) -> JsResult<T> {
    match context.get_data::<HostPanics>() {
        Some(panics)
            if panics.armed.get()
                && panics.pending.borrow().is_none()
                && panics.boa.borrow().is_none() =>
        {
            *panics.pending.borrow_mut() = Some(payload);
            Watch::get(context).halt(context);
            Err(halted())
        }
        _ => panic::resume_unwind(payload),
    }
}

/// Records that Boa panicked (see [`HostPanics::boa`]), with the panic's message.
pub(crate) fn engine_panicked(context: &Context, payload: &(dyn Any + Send)) {
    if let Some(panics) = context.get_data::<HostPanics>() {
        panics
            .boa
            .borrow_mut()
            .get_or_insert_with(|| message(payload));
    }
}

/// A panic's message, or a stand-in when it has none.
pub(crate) fn message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

/// Starts an engine call, for which host panics are kept.
pub(crate) fn arm(context: &Context) {
    if let Some(panics) = context.get_data::<HostPanics>() {
        panics.armed.set(true);
    }
}

/// Ends the engine call: the host panic it ran into, and the message of a Boa panic it met
/// (one a host function may have caught), if any.
pub(crate) fn disarm(context: &Context) -> (Option<Box<dyn Any + Send>>, Option<String>) {
    let Some(panics) = context.get_data::<HostPanics>() else {
        return (None, None);
    };
    panics.armed.set(false);
    (
        panics.pending.borrow_mut().take(),
        panics.boa.borrow_mut().take(),
    )
}
