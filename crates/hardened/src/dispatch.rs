//! Global name dispatch: every compartment shares the one realm, so the realm's global object is
//! emptied and made to forward each unresolved global name to the compartment that owns the
//! running code.
//!
//! Boa resolves a free identifier through the realm global object's ordinary
//! `[[HasProperty]]`/`[[Get]]`/`[[Set]]`. The realm global keeps only `undefined`, `NaN` and
//! `Infinity` (non-configurable, identical in every compartment) and its `[[Prototype]]` is a
//! proxy with native `has`/`get`/`set` traps. Each trap asks Boa which `Script` is running
//! (`[[ScriptOrModule]]` survives calls, promise jobs, `await` and generators) and looks up its
//! owner in a weak table keyed by the script's code block. Code with no owner fails closed.

use std::cell::{Cell, RefCell};

use boa_engine::{
    Context, JsArgs, JsNativeError, JsObject, JsResult, JsString, JsValue,
    object::builtins::JsProxyBuilder,
    property::{PropertyDescriptor, PropertyKey},
    vm::{ActiveRunnable, CodeBlock},
};
use boa_gc::{Finalize, Gc, Trace, WeakMap};

use crate::compartment::CompartmentRecord;

/// Who owns a piece of running code, and in which global mode it was compiled.
#[derive(Clone, Trace, Finalize)]
pub(crate) struct Owner {
    pub(crate) compartment: Gc<CompartmentRecord>,
    /// Compiled by `evaluate(src, {sloppyGlobalsMode: true})`: every string name is taken to
    /// exist (reads of unknown names give `undefined`) and assignment to an undeclared name
    /// creates a property of the compartment's global.
    #[unsafe_ignore_trace]
    pub(crate) sloppy_globals: bool,
}

/// Engine-wide state the dispatch traps read, kept in the context's host data.
pub(crate) struct Dispatch {
    /// Running script's code block → owner. Entries die with their code block.
    owners: RefCell<WeakMap<CodeBlock, Owner>>,
    /// The last lookup, held strongly so its address cannot be reused while cached.
    last: RefCell<Option<(Gc<CodeBlock>, Owner)>>,
    /// Set by the evaluator just before its internal direct-eval trampoline runs, so that the
    /// trampoline's single lookup of `eval` yields the realm's `%eval%` (never seen by guests).
    eval_once: Cell<bool>,
    /// The realm's `%eval%`, removed from every global.
    realm_eval: JsObject,
}

impl Dispatch {
    /// Empties the realm's global object and installs the dispatch proxy as its prototype.
    /// Returns the removed global properties (the universal globals).
    pub(crate) fn install(
        context: &mut Context,
    ) -> JsResult<Vec<(PropertyKey, PropertyDescriptor)>> {
        let realm_global = context.global_object();
        let mut universal = Vec::new();
        for key in realm_global.own_property_keys(context)? {
            let Some(descriptor) = realm_global.borrow().properties().get(&key) else {
                continue;
            };
            if descriptor.configurable() == Some(true) {
                realm_global.delete_property_or_throw(key.clone(), context)?;
            }
            universal.push((key, descriptor));
        }
        let realm_eval = universal
            .iter()
            .find(|(key, _)| *key == PropertyKey::from(JsString::from("eval")))
            .and_then(|(_, d)| d.value().and_then(JsValue::as_object))
            .ok_or_else(|| JsNativeError::typ().with_message("the realm has no %eval%"))?;

        // The proxy's target is frozen so the proxy itself holds no state a guest could use as
        // a channel (any trap we do not define falls through to this empty, frozen object).
        let target = JsObject::with_null_proto();
        target.set_integrity_level(boa_engine::object::IntegrityLevel::Frozen, context)?;
        let proxy = JsProxyBuilder::new(target)
            .has(trap_has)
            .get(trap_get)
            .set(trap_set)
            .build(context)?;
        realm_global.set_prototype(Some(proxy.into()));
        // Sloppy functions see the realm global as `this`; it must not accept new state.
        realm_global.set_integrity_level(boa_engine::object::IntegrityLevel::Sealed, context)?;

        context.insert_data(Self {
            owners: RefCell::new(WeakMap::new()),
            last: RefCell::new(None),
            eval_once: Cell::new(false),
            realm_eval,
        });
        Ok(universal)
    }

    pub(crate) fn get(context: &Context) -> &Self {
        context
            .get_data::<Self>()
            .expect("the dispatch state is installed when the engine is built")
    }

    /// Records that code compiled by `script_code` belongs to `owner`.
    pub(crate) fn register(context: &Context, script_code: &Gc<CodeBlock>, owner: Owner) {
        Self::get(context)
            .owners
            .borrow_mut()
            .insert(script_code, owner);
    }

    /// Arms the one-shot `eval` lookup used by the evaluator's direct-eval trampoline.
    pub(crate) fn arm_eval_once(context: &Context, armed: bool) {
        Self::get(context).eval_once.set(armed);
    }

    /// The owner of the running code.
    pub(crate) fn current_owner(context: &mut Context) -> JsResult<Owner> {
        let code = match context.get_active_script_or_module() {
            Some(ActiveRunnable::Script(script)) => script.codeblock(context)?,
            Some(ActiveRunnable::Module(_)) => {
                return Err(JsNativeError::reference()
                    .with_message("module code is not owned by any compartment")
                    .into());
            }
            None => {
                return Err(JsNativeError::reference()
                    .with_message("no compartment code is running")
                    .into());
            }
        };
        let this = Self::get(context);
        if let Some((cached, owner)) = &*this.last.borrow()
            && Gc::ptr_eq(cached, &code)
        {
            return Ok(owner.clone());
        }
        let owner = this
            .owners
            .borrow()
            .get(&code)
            .and_then(|entry| entry.value().map(|owner| owner.clone()))
            .ok_or_else(|| {
                JsNativeError::reference()
                    .with_message("running code is not owned by any compartment")
            })?;
        *this.last.borrow_mut() = Some((code, owner.clone()));
        Ok(owner)
    }

    /// Takes the armed one-shot `eval` if `key` is `eval`.
    fn take_eval_once(context: &Context, key: &PropertyKey, consume: bool) -> Option<JsObject> {
        let this = Self::get(context);
        if !this.eval_once.get() || *key != PropertyKey::from(JsString::from("eval")) {
            return None;
        }
        if consume {
            this.eval_once.set(false);
        }
        Some(this.realm_eval.clone())
    }
}

fn trap_has(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let key = args.get_or_undefined(1).to_property_key(context)?;
    if Dispatch::take_eval_once(context, &key, false).is_some() {
        return Ok(true.into());
    }
    let owner = Dispatch::current_owner(context)?;
    if owner.sloppy_globals && matches!(key, PropertyKey::String(_)) {
        return Ok(true.into());
    }
    let record = &owner.compartment;
    Ok((record.lexicals.borrow().properties().get(&key).is_some()
        || record.global.has_property(key, context)?)
    .into())
}

fn trap_get(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let key = args.get_or_undefined(1).to_property_key(context)?;
    if let Some(eval) = Dispatch::take_eval_once(context, &key, true) {
        return Ok(eval.into());
    }
    let owner = Dispatch::current_owner(context)?;
    let record = &owner.compartment;
    if let Some(lexical) = record.lexicals.borrow().properties().get(&key) {
        return Ok(lexical.value().cloned().unwrap_or_default());
    }
    record.global.get(key, context)
}

fn trap_set(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let key = args.get_or_undefined(1).to_property_key(context)?;
    let value = args.get_or_undefined(2).clone();
    let owner = Dispatch::current_owner(context)?;
    let record = &owner.compartment;
    let lexical = record.lexicals.borrow().properties().get(&key);
    if let Some(lexical) = lexical {
        if lexical.writable() != Some(true) {
            return Err(JsNativeError::typ()
                .with_message(format!(
                    "assignment to constant global lexical '{}'",
                    key_text(&key)
                ))
                .into());
        }
        record.lexicals.insert_property(
            key,
            PropertyDescriptor::builder()
                .value(value)
                .writable(true)
                .enumerable(true)
                .configurable(false),
        );
        return Ok(true.into());
    }
    // Identifier assignment reaches this trap only for names that exist (Boa checks `has`
    // first in strict code). Anything else is a write through the realm global object itself
    // (a sloppy function's `this`), which must not create state: refuse it.
    if !owner.sloppy_globals && !record.global.has_property(key.clone(), context)? {
        return Ok(false.into());
    }
    Ok(record.global.set(key, value, false, context)?.into())
}

/// A property key as text for messages.
pub(crate) fn key_text(key: &PropertyKey) -> String {
    match key {
        PropertyKey::String(s) => s.to_std_string_escaped(),
        PropertyKey::Symbol(s) => s.descriptive_string().to_std_string_escaped(),
        PropertyKey::Index(i) => i.get().to_string(),
    }
}
