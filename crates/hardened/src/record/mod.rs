//! What a compartment is, as data: its record, the JavaScript instance and the host handle that
//! stand for it, the owner of a piece of code, its evaluators' cache and its module state. The
//! layers above give these their behaviour (the compartment factory and class, the evaluators,
//! the module loader); the record sits below all of them, so none needs another to name it.

mod evaluators;
mod modules;

use boa_engine::{
    Context, JsData, JsNativeError, JsObject, JsResult, JsString, JsValue,
    object::ObjectInitializer,
    property::{PropertyDescriptor, PropertyKey},
};
use boa_gc::{Finalize, Gc, GcRefCell, Trace};

pub(crate) use crate::identity::EngineId;
pub(crate) use evaluators::{Code, Evaluators, Owner};
pub(crate) use modules::{
    CompartmentModules, DeferredNamespace, Memo, MemoKey, ModuleInfo, ModuleOptions,
};

/// Everything a compartment owns. Guest code never sees this record; it reaches it only through
/// the global-name dispatch and the compartment's own `eval`/`Function`/`Compartment`.
#[derive(Trace, Finalize)]
pub(crate) struct CompartmentRecord {
    /// The compartment's `globalThis`.
    pub(crate) global: JsObject,
    #[unsafe_ignore_trace]
    pub(crate) engine: EngineId,
    /// Global lexical bindings (XS `globalLexicals`): a null-prototype object whose writable
    /// properties are `let` bindings and read-only ones `const` bindings; and the bindings REPL
    /// inputs declared (`Engine::evaluate_repl`), as accessors whose getter and setter are
    /// closures over the binding itself.
    pub(crate) lexicals: JsObject,
    /// Whether there are any global lexicals: lookups skip them otherwise. Set at creation, and
    /// by the first REPL input that declares something.
    #[unsafe_ignore_trace]
    pub(crate) has_lexicals: std::cell::Cell<bool>,
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
    /// Whether the compartment belongs to `context`'s engine; fails closed for a context no
    /// engine built.
    pub(crate) fn belongs(&self, context: &Context) -> bool {
        EngineId::of(context) == Some(self.engine)
    }

    /// A `TypeError` unless the record belongs to the engine of `context`: for the record's
    /// own functions (`eval`, `Function`, `Compartment`), which a host may hand to another
    /// engine as raw values.
    pub(crate) fn check_engine(&self, context: &Context) -> JsResult<()> {
        self.engine.check(context)
    }

    /// Whether direct-eval syntax is accepted in its code by default: only in the start
    /// compartment (see [`crate::parse::DirectEval`]).
    pub(crate) fn direct_eval(&self) -> crate::parse::DirectEval {
        if self.parent.is_none() {
            crate::parse::DirectEval::Accept
        } else {
            crate::parse::DirectEval::Reject
        }
    }

    /// The global lexical binding `key`, if any.
    pub(crate) fn lexical(&self, key: &PropertyKey) -> Option<PropertyDescriptor> {
        if !self.has_lexicals.get() {
            return None;
        }
        self.lexicals.borrow().properties().get(key)
    }
}

/// Native data of a `Compartment` instance. Instances have no own properties.
#[derive(Trace, Finalize, JsData)]
pub(crate) struct CompartmentInstance(pub(crate) Gc<CompartmentRecord>);

impl CompartmentInstance {
    /// The JavaScript instance for `record` (recorded as its instance). Instances have no own
    /// properties, so they share one shape.
    pub(crate) fn make(
        record: &Gc<CompartmentRecord>,
        prototype: JsObject,
        context: &mut Context,
    ) -> JsObject {
        let instance =
            ObjectInitializer::with_native_data_and_proto(Self(record.clone()), prototype, context)
                .build();
        let _ = record.instance.set(instance.clone());
        instance
    }

    /// The compartment `object` stands for, when it is a `Compartment` instance of `context`'s
    /// engine.
    pub(crate) fn record_of(object: &JsObject, context: &Context) -> Option<Gc<CompartmentRecord>> {
        object
            .downcast_ref::<Self>()
            .map(|instance| instance.0.clone())
            .filter(|record| record.belongs(context))
    }
}

/// The compartment behind `this`, or a TypeError naming the method.
pub(crate) fn this_compartment(
    this: &JsValue,
    method: &str,
    context: &Context,
) -> JsResult<Gc<CompartmentRecord>> {
    this.as_object()
        .and_then(|object| CompartmentInstance::record_of(&object, context))
        .ok_or_else(|| {
            JsNativeError::typ()
                .with_message(format!(
                    "Compartment.prototype.{method} called on a non-Compartment \
                     (or one of another engine)"
                ))
                .into()
        })
}

/// A compartment: a global object of its own over the engine's shared intrinsics.
///
/// This is a handle to the JavaScript `Compartment` instance; cloning it is cheap. Evaluate
/// code in it with [`Engine::evaluate`](crate::Engine::evaluate).
#[derive(Clone)]
pub struct Compartment {
    pub(crate) object: JsObject,
    pub(crate) record: Gc<CompartmentRecord>,
}

impl std::fmt::Debug for Compartment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Compartment")
            .field("name", &self.name())
            .finish_non_exhaustive()
    }
}
