//! Promises rejected with no handler, kept for the host (`Engine::take_unhandled_rejections`),
//! as node reports an unhandled rejection instead of letting it vanish.
//!
//! Boa tells the engine of every rejection of a promise without handlers and of every handler
//! added to a rejected promise (HostPromiseRejectionTracker). A guest chooses how many promises
//! it rejects: the engine keeps the first [`KEPT`] unhandled ones (each keeps its reason alive
//! until the host takes it) and drops the rest.

use std::cell::{Cell, RefCell};

use boa_engine::{
    Context, JsObject, builtins::promise::OperationType, object::builtins::JsPromise,
};

/// How many unhandled rejections the engine keeps between two takes.
pub(crate) const KEPT: usize = 64;

/// The promises rejected with no handler yet, oldest first.
#[derive(Default)]
pub(crate) struct Rejections {
    pending: RefCell<Vec<JsObject>>,
    /// `unhandledRejectionTrapping: 'none'` turns tracking off.
    off: Cell<bool>,
}

impl Rejections {
    pub(crate) fn install(context: &mut Context) {
        context.insert_data(Self::default());
    }

    fn get(context: &Context) -> &Self {
        context
            .get_data::<Self>()
            .expect("installed when the engine is built")
    }

    /// What Boa reports: a rejection with no handler, or a handler for a rejected promise.
    pub(crate) fn track(promise: &JsObject, operation: OperationType, context: &Context) {
        let this = Self::get(context);
        match operation {
            OperationType::Reject if this.off.get() => {}
            OperationType::Reject => {
                let mut pending = this.pending.borrow_mut();
                if pending.len() < KEPT {
                    pending.push(promise.clone());
                }
            }
            OperationType::Handle => Self::handled(promise, context),
        }
    }

    /// `promise` has a handler now (the guest's, or the host's settling it).
    pub(crate) fn handled(promise: &JsObject, context: &Context) {
        let mut pending = Self::get(context).pending.borrow_mut();
        if let Some(index) = pending.iter().position(|kept| kept == promise) {
            pending.remove(index);
        }
    }

    /// Stops (or resumes) keeping unhandled rejections.
    pub(crate) fn set_tracking(on: bool, context: &Context) {
        let this = Self::get(context);
        this.off.set(!on);
        if !on {
            this.pending.borrow_mut().clear();
        }
    }

    /// The unhandled rejections so far, oldest first; forgets them.
    pub(crate) fn take(context: &Context) -> Vec<JsPromise> {
        Self::get(context)
            .pending
            .take()
            .into_iter()
            .filter_map(|promise| JsPromise::from_object(promise).ok())
            .collect()
    }
}
