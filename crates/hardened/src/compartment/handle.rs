//! The host's handle to a compartment.

use boa_engine::{Context, JsObject};
use boa_gc::Gc;

use super::SharedClass;
use crate::record::{Compartment, CompartmentInstance, CompartmentRecord};

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
