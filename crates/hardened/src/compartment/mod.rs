//! Compartments made: the global a compartment gets, the options it is built from, the
//! JavaScript `Compartment` class and the host's handle (the record itself is `crate::record`).

mod builder;
mod class;
mod global;
mod handle;
mod options;

use boa_engine::{Context, JsObject, JsResult};
use boa_gc::{Gc, GcRefCell};

pub use builder::{CompartmentOptions, HostObject};
pub(crate) use class::SharedClass;
pub(crate) use global::Globals;
pub(crate) use options::CompartmentSpec;

use crate::record::{CompartmentModules, CompartmentRecord, EngineId};

impl CompartmentRecord {
    /// Builds a compartment: its record, its populated global and its own evaluators.
    pub(crate) fn create(
        context: &mut Context,
        parent: Option<Gc<CompartmentRecord>>,
        spec: CompartmentSpec,
    ) -> JsResult<Gc<Self>> {
        // `Object.create` gives an object with a shared shape: populating it follows cached
        // shape transitions instead of building a property table per compartment.
        let object_prototype = context.intrinsics().constructors().object().prototype();
        let global = boa_engine::builtins::object::OrdinaryObject::create(
            &boa_engine::JsValue::undefined(),
            &[object_prototype.into()],
            context,
        )?
        .as_object()
        .ok_or_else(|| {
            boa_engine::JsNativeError::typ().with_message("Object.create returned a primitive")
        })?;
        let engine = EngineId::of(context).ok_or_else(|| {
            boa_engine::JsNativeError::typ().with_message("this context belongs to no engine")
        })?;
        let lexicals = JsObject::with_null_proto();
        let record = Gc::new(Self {
            global,
            engine,
            lexicals,
            has_lexicals: std::cell::Cell::new(!spec.lexicals.is_empty()),
            name: spec.name.clone(),
            transforms: spec.transforms.clone(),
            parent,
            evaluators: GcRefCell::new([None, None]),
            modules: CompartmentModules::new(spec.modules.clone()),
            instance: std::cell::OnceCell::new(),
        });
        global::populate(context, &record, &spec)?;
        Ok(record)
    }
}
