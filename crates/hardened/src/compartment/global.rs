//! A compartment's global object.
//!
//! Built as an ordinary object inheriting `Object.prototype`, in this order (SES's order):
//! the universal globals (shared intrinsics, with their original attributes, `Infinity`, `NaN`
//! and `undefined` read-only), then the compartment's own `globalThis`, `eval`, `Function` and
//! `Compartment`, then the endowments (assigned like `Object.assign`), then the global lexicals,
//! which live beside the global object and are not properties of it.

use boa_engine::{
    Context, JsObject, JsResult, JsString, JsValue,
    property::{PropertyDescriptor, PropertyKey},
};
use boa_gc::Gc;

use super::{CompartmentRecord, CompartmentSpec, class};
use crate::{
    bounded::reentry::{self, Walk},
    commons::freeze,
    evaluator,
};

/// The globals compartments are made from (context host data): the universal globals every new
/// compartment starts with (the realm global's own, replaced at lockdown by the shared,
/// powerless set), and the start compartment's global.
pub(crate) struct Globals {
    pub(crate) universal: std::cell::RefCell<Vec<(PropertyKey, PropertyDescriptor)>>,
    start: std::cell::OnceCell<JsObject>,
}

impl Globals {
    pub(crate) fn install(
        context: &mut Context,
        universal: Vec<(PropertyKey, PropertyDescriptor)>,
    ) {
        context.insert_data(Self {
            universal: std::cell::RefCell::new(universal),
            start: std::cell::OnceCell::new(),
        });
    }

    pub(crate) fn get(context: &Context) -> &Self {
        context
            .get_data::<Self>()
            .expect("the globals are installed when the engine is built")
    }

    /// The start compartment's global object.
    pub(crate) fn start_global(&self) -> JsObject {
        self.start
            .get()
            .cloned()
            .expect("the start compartment is made when the engine is built")
    }

    pub(crate) fn set_start_global(&self, global: JsObject) {
        let _ = self.start.set(global);
    }
}

pub(super) fn populate(
    context: &mut Context,
    record: &Gc<CompartmentRecord>,
    spec: &CompartmentSpec,
) -> JsResult<()> {
    let global = &record.global;
    let own_names = crate::permits::OWN.map(|name| PropertyKey::from(JsString::from(name)));
    // The universal table holds none of the own names (the engine removed them).
    for (key, descriptor) in Globals::get(context).universal.borrow().iter() {
        global.insert_property(key.clone(), descriptor.clone());
    }

    global.insert_property(own_names[0].clone(), global_property(global.clone()));
    let eval = evaluator::make_eval(context, record);
    let function = evaluator::make_function(context, record)?;
    let compartment = class::make_constructor(context, record)?;
    for (name, value) in own_names[1..].iter().zip([eval, function, compartment]) {
        freeze(&value, context)?;
        global.insert_property(name.clone(), global_property(value));
    }

    for (key, value) in &spec.globals {
        global.set(key.clone(), value.clone(), true, context)?;
    }
    // Natives among the endowments (a host's functions) get the entry check too.
    let endowed = spec
        .globals
        .iter()
        .map(|(_, value)| value)
        .chain(spec.lexicals.iter().map(|(_, value, _)| value))
        .filter_map(JsValue::as_object)
        .collect();
    reentry::install(endowed, Walk::New, context)?;
    for (name, value, mutable) in &spec.lexicals {
        record.lexicals.insert_property(
            name.clone(),
            PropertyDescriptor::builder()
                .value(value.clone())
                .writable(*mutable)
                .enumerable(true)
                .configurable(false),
        );
    }
    Ok(())
}

/// How SES and XS define a compartment's own globals: writable, non-enumerable, configurable.
fn global_property(value: JsObject) -> PropertyDescriptor {
    PropertyDescriptor::builder()
        .value(value)
        .writable(true)
        .enumerable(false)
        .configurable(true)
        .build()
}
