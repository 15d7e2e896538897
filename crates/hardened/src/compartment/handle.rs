//! The host's handle to a compartment.

use boa_engine::{Context, JsObject};
use boa_gc::Gc;

use super::{CompartmentInstance, CompartmentRecord, SharedClass};

/// A compartment: a global object of its own over the engine's shared intrinsics.
///
/// This is a handle to the JavaScript `Compartment` instance; cloning it is cheap. Evaluate
/// code in it with [`Engine::evaluate`].
#[derive(Clone)]
pub struct Compartment {
    object: JsObject,
    pub(crate) record: Gc<CompartmentRecord>,
}

impl std::fmt::Debug for Compartment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Compartment")
            .field("name", &self.name())
            .finish_non_exhaustive()
    }
}

impl Compartment {
    pub(crate) fn new(record: Gc<CompartmentRecord>, context: &mut Context) -> Self {
        let prototype = SharedClass::get(context).prototype.clone();
        let object = CompartmentInstance::make(&record, prototype, context);
        Self { object, record }
    }

    /// The compartment's `globalThis`.
    #[must_use]
    pub fn global_object(&self) -> JsObject {
        self.record.global.clone()
    }

    /// The compartment's name (`'<unknown>'` unless one was given).
    #[must_use]
    pub fn name(&self) -> String {
        self.record.name.to_std_string_escaped()
    }

    /// The JavaScript `Compartment` instance, to hand to guest code.
    #[must_use]
    pub fn as_object(&self) -> &JsObject {
        &self.object
    }
}
