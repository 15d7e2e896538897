//! Compartments: a record per compartment (its global, global lexicals, evaluators and name),
//! the global it gets, the options it is built from, and the JavaScript `Compartment` class.

mod class;
mod global;
mod handle;
mod options;

use boa_engine::{
    Context, JsObject, JsResult, JsString,
    property::{PropertyDescriptor, PropertyKey},
};
use boa_gc::{Finalize, Gc, GcRefCell, Trace};

pub(crate) use class::{CompartmentInstance, SharedClass, this_compartment};
pub(crate) use global::Globals;
pub use handle::Compartment;
pub(crate) use options::CompartmentSpec;

use crate::{evaluator::Evaluators, module::CompartmentModules};

/// Everything a compartment owns. Guest code never sees this record; it reaches it only through
/// the global-name dispatch and the compartment's own `eval`/`Function`/`Compartment`.
#[derive(Trace, Finalize)]
pub(crate) struct CompartmentRecord {
    /// The compartment's `globalThis`.
    pub(crate) global: JsObject,
    /// Global lexical bindings (XS `globalLexicals`): a null-prototype object whose writable
    /// properties are `let` bindings and read-only ones `const` bindings.
    pub(crate) lexicals: JsObject,
    /// Whether there are any global lexicals (fixed at creation): lookups skip them otherwise.
    #[unsafe_ignore_trace]
    pub(crate) has_lexicals: bool,
    #[unsafe_ignore_trace]
    pub(crate) name: JsString,
    /// Source transforms applied to everything this compartment evaluates.
    pub(crate) transforms: Vec<JsObject>,
    /// The compartment whose `Compartment` constructor built this one.
    pub(crate) parent: Option<Gc<CompartmentRecord>>,
    /// Compilers owned by this compartment, made on first use: strict globals, sloppy globals.
    pub(crate) evaluators: GcRefCell<[Option<Evaluators>; 2]>,
    /// Its module map, hooks and module instances.
    pub(crate) modules: CompartmentModules,
    /// The JavaScript `Compartment` instance standing for it.
    pub(crate) instance: std::cell::OnceCell<JsObject>,
}

impl CompartmentRecord {
    /// Whether direct-eval syntax is accepted in its code by default: only in the start
    /// compartment (see [`crate::parse::DirectEval`]).
    pub(crate) fn direct_eval(&self) -> crate::parse::DirectEval {
        if self.parent.is_none() {
            crate::parse::DirectEval::Accept
        } else {
            crate::parse::DirectEval::Reject
        }
    }

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
        let lexicals = JsObject::with_null_proto();
        let record = Gc::new(Self {
            global,
            lexicals,
            has_lexicals: !spec.lexicals.is_empty(),
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

    /// The global lexical binding `key`, if any.
    pub(crate) fn lexical(&self, key: &PropertyKey) -> Option<PropertyDescriptor> {
        if !self.has_lexicals {
            return None;
        }
        self.lexicals.borrow().properties().get(key)
    }

    /// The evaluators of the given global mode, made on first use.
    pub(crate) fn evaluators(
        this: &Gc<Self>,
        sloppy_globals: bool,
        context: &mut Context,
    ) -> JsResult<Evaluators> {
        let slot = usize::from(sloppy_globals);
        if let Some(evaluators) = &this.evaluators.borrow()[slot] {
            return Ok(evaluators.clone());
        }
        let evaluators = Evaluators::new(this, sloppy_globals, context)?;
        this.evaluators.borrow_mut()[slot] = Some(evaluators.clone());
        Ok(evaluators)
    }
}
