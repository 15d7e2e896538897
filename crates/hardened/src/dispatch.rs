//! Global name dispatch: every compartment shares the one realm, so the realm's global object is
//! emptied and made to forward each unresolved global name to the compartment that owns the
//! running code.
//!
//! Boa resolves a free identifier through the realm global object's ordinary
//! `[[HasProperty]]`/`[[Get]]`/`[[Set]]`. The realm global keeps only `undefined`, `NaN` and
//! `Infinity` (non-configurable, identical in every compartment) and its `[[Prototype]]` is a
//! proxy with native `has`/`get`/`set` traps. Each trap asks Boa which `Script` is running
//! (`[[ScriptOrModule]]` survives calls, promise jobs, `await` and generators) and asks the
//! ownership registry ([`crate::ownership`]) for its owner. Code with no owner fails closed.

use std::{cell::RefCell, rc::Rc};

use boa_engine::{
    Context, JsArgs, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
    context::HostHooks,
    object::{FunctionObjectBuilder, IntegrityLevel, builtins::JsProxyBuilder},
    property::{PropertyDescriptor, PropertyKey},
    realm::Realm,
};
use boa_gc::{Finalize, Trace};

use crate::{
    commons::key_text,
    limits::Watch,
    ownership::Owners,
    permits,
    record::{CompartmentRecord, Owner},
};

/// Engine-wide state the dispatch traps read, kept in the context's host data.
pub(crate) struct Dispatch {
    /// The evaluator's one direct eval in flight (see [`Armed`]).
    armed: RefCell<Armed>,
    /// `evalTaming: 'unsafe-eval'`: the start compartment's code may compile with the realm's
    /// own `%eval%`, which lockdown made its `eval`.
    start_eval: std::cell::Cell<bool>,
    /// The realm's `%eval%`, removed from every global.
    realm_eval: JsObject,
    /// Runaway-code checks: every global lookup is a point where guest code can be stopped.
    watch: Rc<Watch>,
}

impl Dispatch {
    /// Empties the realm's global object and installs the dispatch proxy as its prototype.
    /// Returns the removed global properties (the universal globals).
    pub(crate) fn install(
        context: &mut Context,
        watch: Rc<Watch>,
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
        target.set_integrity_level(IntegrityLevel::Frozen, context)?;
        let proxy = JsProxyBuilder::new(target)
            .has(trap_has)
            .get(trap_get)
            .set(trap_set)
            .build(context)?;
        realm_global.set_prototype(Some(proxy.into()));

        // Names every compartment has, before and after lockdown, get an own accessor, so that
        // Boa's global inline cache holds the slot and a lookup is one native call instead of
        // two proxy traps. Names a compartment may lack (`harden` before lockdown, the globals
        // lockdown withholds) stay on the proxy, which answers ReferenceError and `typeof`.
        let names = permits::UNIVERSAL
            .iter()
            .filter(|name| **name != "harden")
            .chain(permits::SHARED.iter().map(|(name, _)| name))
            .chain(&["globalThis", "eval", "Function", "Compartment"]);
        for name in names {
            install_accessor(&realm_global, JsString::from(*name).into(), context)?;
        }
        // Sloppy functions see the realm global as `this`; it must not accept new state.
        realm_global.set_integrity_level(IntegrityLevel::Sealed, context)?;

        context.insert_data(Self {
            armed: RefCell::new(Armed::Idle),
            start_eval: std::cell::Cell::new(false),
            realm_eval,
            watch,
        });
        Ok(universal)
    }

    pub(crate) fn get(context: &Context) -> &Self {
        context
            .get_data::<Self>()
            .expect("the dispatch state is installed when the engine is built")
    }

    /// Arms the dispatch for the evaluator's direct-eval helper, `eval(eval)`, to run `source`.
    pub(crate) fn arm_direct_eval(context: &Context, source: JsString) {
        *Self::get(context).armed.borrow_mut() = Armed::Callee(source);
    }

    /// Lets the start compartment's code compile through the realm's `%eval%` (SES's
    /// `'unsafe-eval'`): only code the start compartment owns, never a compartment's.
    pub(crate) fn open_start_eval(context: &Context) {
        Self::get(context).start_eval.set(true);
    }

    /// The realm's `%eval%`.
    pub(crate) fn realm_eval(context: &Context) -> JsObject {
        Self::get(context).realm_eval.clone()
    }

    /// Ends the armed direct eval, whatever became of it.
    pub(crate) fn disarm_direct_eval(context: &Context) {
        *Self::get(context).armed.borrow_mut() = Armed::Idle;
    }

    /// The owner of the running code. Every global lookup passes here, so the native-stack
    /// check here bounds cycles through the global object's accessors and traps.
    pub(crate) fn current_owner(context: &mut Context) -> JsResult<Owner> {
        crate::stack::ensure_native_stack()?;
        Self::get(context).watch.check()?;
        Owners::of_running(context)
    }

    /// Answers a read of `eval` while a direct eval is armed: first the realm's `%eval%` (the
    /// callee), then the source (the argument).
    fn take_armed_eval(context: &Context) -> Option<JsValue> {
        let this = Self::get(context);
        let mut armed = this.armed.borrow_mut();
        match std::mem::replace(&mut *armed, Armed::Idle) {
            Armed::Callee(source) => {
                *armed = Armed::Argument(source);
                Some(this.realm_eval.clone().into())
            }
            Armed::Argument(source) => {
                *armed = Armed::Compile(source.clone());
                Some(source.into())
            }
            other => {
                *armed = other;
                None
            }
        }
    }
}

/// The steps of the evaluator's direct eval. No guest code runs between arming and the
/// compilation: the two reads of `eval` are native, and the argument is a string.
enum Armed {
    Idle,
    /// The next read of `eval` is the helper's callee.
    Callee(JsString),
    /// The next read of `eval` is the helper's argument.
    Argument(JsString),
    /// Boa may compile exactly this text, once, as a direct eval.
    Compile(JsString),
}

/// Boa's host hooks for the engine: compilation from strings is refused unless it is the
/// evaluator's armed direct eval. Boa asks from `eval` (direct or not) and from every dynamic
/// function constructor (`%Function%`, `%GeneratorFunction%`, `%AsyncFunction%`,
/// `%AsyncGeneratorFunction%`): code they made would belong to no compartment, or to whichever
/// compartment called it. It also passes Boa's rejection tracking to `crate::rejections`.
pub(crate) struct CompileGate;

impl HostHooks for CompileGate {
    fn promise_rejection_tracker(
        &self,
        promise: &JsObject<boa_engine::builtins::promise::Promise>,
        operation: boa_engine::builtins::promise::OperationType,
        context: &mut Context,
    ) {
        crate::rejections::Rejections::track(&promise.clone().upcast(), operation, context);
    }

    fn ensure_can_compile_strings(
        &self,
        _realm: Realm,
        _parameters: &[JsString],
        body: &JsString,
        direct: bool,
        context: &mut Context,
    ) -> JsResult<()> {
        let allowed = context.get_data::<Dispatch>().is_some_and(|dispatch| {
            let mut armed = dispatch.armed.borrow_mut();
            let allowed = direct && matches!(&*armed, Armed::Compile(source) if source == body);
            *armed = Armed::Idle;
            allowed
        });
        if allowed {
            return Ok(());
        }
        // Under 'unsafe-eval' the start compartment's own code may use `%eval%`; the owner is
        // read from the running code, so a compartment handed `%eval%` still gets the refusal.
        let start_eval = context
            .get_data::<Dispatch>()
            .is_some_and(|dispatch| dispatch.start_eval.get());
        if start_eval
            && Owners::of_running(context).is_ok_and(|owner| owner.compartment.parent.is_none())
        {
            return Ok(());
        }
        Err(JsNativeError::eval()
            .with_message(
                "code generation from strings is disabled in this realm; \
                 use a compartment's evaluate, eval or Function",
            )
            .into())
    }
}

/// A global name captured by its accessor's functions.
#[derive(Trace, Finalize)]
struct GlobalName {
    #[unsafe_ignore_trace]
    key: PropertyKey,
    /// Only `eval`'s getter answers the evaluator's armed direct eval.
    #[unsafe_ignore_trace]
    is_eval: bool,
}

fn install_accessor(
    realm_global: &JsObject,
    key: PropertyKey,
    context: &mut Context,
) -> JsResult<()> {
    let is_eval = key == PropertyKey::from(JsString::from("eval"));
    let function = |native: NativeFunction, context: &mut Context| -> JsResult<JsObject> {
        let function: JsObject = FunctionObjectBuilder::new(context.realm(), native)
            .build()
            .into();
        function.set_integrity_level(IntegrityLevel::Frozen, context)?;
        Ok(function)
    };
    let getter = function(
        NativeFunction::from_copy_closure_with_captures(
            accessor_get,
            GlobalName {
                key: key.clone(),
                is_eval,
            },
        ),
        context,
    )?;
    let setter = function(
        NativeFunction::from_copy_closure_with_captures(
            accessor_set,
            GlobalName {
                key: key.clone(),
                is_eval,
            },
        ),
        context,
    )?;
    realm_global.define_property_or_throw(
        key,
        PropertyDescriptor::builder()
            .get(getter)
            .set(setter)
            .enumerable(false)
            .configurable(false),
        context,
    )?;
    Ok(())
}

/// Reads a universal name for the running code. A compartment that deleted the name itself
/// reads `undefined` (as under the SES shim) rather than a ReferenceError: the getter cannot
/// tell `typeof x` from `x`, and `typeof` must not throw.
fn accessor_get(
    _: &JsValue,
    _: &[JsValue],
    name: &GlobalName,
    context: &mut Context,
) -> JsResult<JsValue> {
    if name.is_eval
        && let Some(answer) = Dispatch::take_armed_eval(context)
    {
        return Ok(answer);
    }
    let owner = Dispatch::current_owner(context)?;
    let record = &owner.compartment;
    if let Some(lexical) = record.lexical(&name.key) {
        return read_lexical(&lexical, context);
    }
    if let Some(value) = record
        .global
        .borrow()
        .properties()
        .get(&name.key)
        .and_then(|d| d.value().cloned())
    {
        return Ok(value);
    }
    if record.global.has_property(name.key.clone(), context)? {
        return record.global.get(name.key.clone(), context);
    }
    Ok(JsValue::undefined())
}

/// Assigns a universal name for the running code: as identifier assignment in strict code,
/// a name the compartment does not have is a ReferenceError (unless sloppy globals).
fn accessor_set(
    _: &JsValue,
    args: &[JsValue],
    name: &GlobalName,
    context: &mut Context,
) -> JsResult<JsValue> {
    let owner = Dispatch::current_owner(context)?;
    let record = &owner.compartment;
    let value = args.get_or_undefined(0).clone();
    if record.lexical(&name.key).is_some() {
        set_lexical(record, name.key.clone(), value, context)?;
        return Ok(JsValue::undefined());
    }
    if !owner.sloppy_globals && !record.global.has_property(name.key.clone(), context)? {
        return Err(JsNativeError::reference()
            .with_message(format!("{} is not defined", key_text(&name.key)))
            .into());
    }
    record.global.set(name.key.clone(), value, true, context)?;
    Ok(JsValue::undefined())
}

fn trap_has(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let key = args.get_or_undefined(1).to_property_key(context)?;
    let owner = Dispatch::current_owner(context)?;
    if owner.sloppy_globals && matches!(key, PropertyKey::String(_)) {
        return Ok(true.into());
    }
    let record = &owner.compartment;
    Ok((record.lexical(&key).is_some() || record.global.has_property(key, context)?).into())
}

fn trap_get(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let key = args.get_or_undefined(1).to_property_key(context)?;
    let owner = Dispatch::current_owner(context)?;
    let record = &owner.compartment;
    if let Some(lexical) = record.lexical(&key) {
        return read_lexical(&lexical, context);
    }
    record.global.get(key, context)
}

fn trap_set(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let key = args.get_or_undefined(1).to_property_key(context)?;
    let value = args.get_or_undefined(2).clone();
    let owner = Dispatch::current_owner(context)?;
    let record = &owner.compartment;
    if record.lexical(&key).is_some() {
        set_lexical(record, key, value, context)?;
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

/// Reads a global lexical: a value, or (a binding a REPL input declared) what its getter, a
/// closure over the binding, reads; in its temporal dead zone that is a ReferenceError.
fn read_lexical(lexical: &PropertyDescriptor, context: &mut Context) -> JsResult<JsValue> {
    match lexical.get().and_then(JsValue::as_callable) {
        Some(getter) => getter.call(&JsValue::undefined(), &[], context),
        None => Ok(lexical.value().cloned().unwrap_or_default()),
    }
}

/// Assigns an existing global lexical: `let` bindings change, `const` ones throw. A binding a
/// REPL input declared is assigned by its setter, a closure over the binding, which throws as
/// the assignment would (a `const`, the temporal dead zone).
fn set_lexical(
    record: &CompartmentRecord,
    key: PropertyKey,
    value: JsValue,
    context: &mut Context,
) -> JsResult<()> {
    let lexical = record.lexicals.borrow().properties().get(&key);
    if let Some(setter) = lexical
        .as_ref()
        .and_then(|lexical| lexical.set())
        .and_then(JsValue::as_callable)
    {
        setter.call(&JsValue::undefined(), &[value], context)?;
        return Ok(());
    }
    let writable = lexical.is_some_and(|lexical| lexical.writable() == Some(true));
    if !writable {
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
    Ok(())
}
