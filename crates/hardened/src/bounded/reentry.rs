//! Every native function among the intrinsics checks the native stack, and that it runs in its
//! own engine, when it is entered.
//!
//! Boa 0.22 counts JavaScript frames against its recursion limit, not native ones. A cycle made
//! only of natives (`Object.defineProperty(o, 'length', {get: Array.prototype.indexOf})` then
//! `o.length`; a getter `Reflect.get.bind(null, o, 'x')` on `o.x`; `String.bind(null, o)` as
//! `o.toString`) nests Rust frames until the stack overflows, which aborts the process. Every
//! such cycle passes through an intrinsic (bound functions forward to a fixed target, and Boa's
//! other built-in closures are one-shot or run as jobs), so an entry check on each intrinsic
//! bounds them all with the uncatchable recursion-limit error.
//!
//! Every native the crate makes after the engine is built either checks in its own body (a
//! compartment's `eval`, `Function` and `Compartment`; a later walk that meets one, say through
//! another compartment's endowments, adds a second check, which is harmless) or is reached by a
//! later walk: lockdown walks everything again (its
//! tamings install new natives), and each new compartment's endowments are walked ([`Walk::New`]).
//!
//! The check is put *into* each intrinsic: the object keeps its identity and properties and
//! gets a new body, and the original body moves to a hidden function object that the new body
//! calls. Nothing guests can observe changes, except through `new.target` below.

use std::{
    cell::RefCell,
    collections::HashSet,
    rc::{Rc, Weak},
};

use boa_engine::{
    Context, JsArgs, JsNativeError, JsObject, JsResult, JsSymbol, JsValue, NativeFunction,
    builtins::{proxy::Proxy, regexp::RegExp},
    js_string,
    native_function::NativeFunctionObject,
    object::{FunctionObjectBuilder, IntegrityLevel, builtins::JsWeakSet},
    property::PropertyKey,
};

use boa_gc::{Finalize, Trace};

use crate::{commons::set_fixed_prototype, identity::EngineId, stack::ensure_native_stack};

/// The objects an engine's walks have visited, held weakly (a compartment's endowments die
/// with it).
struct Visited(JsWeakSet);

/// Keeps the engine's [`Visited`] in its context's host data.
struct VisitedHandle(Rc<Visited>);

thread_local! {
    /// The visited sets of the engines on this thread, weakly: a walk leaves alone the natives
    /// another engine's walks have visited (they keep that engine's check; wrapping them again
    /// would make them refuse their own engine).
    static ENGINES: RefCell<Vec<Weak<Visited>>> = const { RefCell::new(Vec::new()) };
}

impl Visited {
    /// The engine's set, made and registered on its first walk.
    fn of(context: &mut Context) -> Rc<Self> {
        if let Some(handle) = context.get_data::<VisitedHandle>() {
            return handle.0.clone();
        }
        let visited = Rc::new(Self(JsWeakSet::new(context)));
        ENGINES.with_borrow_mut(|engines| {
            engines.retain(|engine| engine.strong_count() > 0);
            engines.push(Rc::downgrade(&visited));
        });
        context.insert_data(VisitedHandle(visited.clone()));
        visited
    }

    /// The other live engines' sets.
    fn others(self: &Rc<Self>) -> Vec<Rc<Self>> {
        ENGINES.with_borrow(|engines| {
            engines
                .iter()
                .filter_map(Weak::upgrade)
                .filter(|other| !Rc::ptr_eq(other, self))
                .collect()
        })
    }
}

/// Whether one of `others` has visited `object`.
fn elsewhere(others: &[Rc<Visited>], object: &JsObject, context: &mut Context) -> JsResult<bool> {
    for other in others {
        if other.0.has(object, context)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The intrinsics whose new body does more than the entry check (looked up once a walk).
struct Special {
    regexp: JsObject,
    finally: Option<JsObject>,
}

impl Special {
    fn of(context: &Context) -> Self {
        let constructors = context.intrinsics().constructors();
        let finally = constructors
            .promise()
            .prototype()
            .borrow()
            .properties()
            .get(&js_string!("finally").into())
            .and_then(|descriptor| descriptor.value().and_then(JsValue::as_object));
        Self {
            regexp: constructors.regexp().constructor(),
            finally,
        }
    }

    /// The new body of `function`.
    fn body(&self, function: &JsObject, bodies: Bodies) -> NativeFunction {
        let enter_as = if JsObject::equals(function, &self.regexp) {
            enter_regexp
        } else if self
            .finally
            .as_ref()
            .is_some_and(|finally| JsObject::equals(function, finally))
        {
            enter_finally
        } else {
            enter
        };
        NativeFunction::from_copy_closure_with_captures(enter_as, bodies)
    }
}

/// How far a walk goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Walk {
    /// Every object reachable from the roots: when the engine is built and after lockdown
    /// (whose tamings put new natives on objects already visited).
    Everything,
    /// Only objects no walk has visited: a new compartment's endowments.
    New,
}

/// A value the host hands to guest code (a property it sets): host functions in it get their
/// entry check, as endowments do.
pub(crate) fn handed_in(value: &JsValue, context: &mut Context) -> JsResult<()> {
    match value.as_object() {
        Some(object) => install(vec![object], Walk::New, context),
        None => Ok(()),
    }
}

/// Gives every native function reachable from `roots` an entry check (once per function).
pub(crate) fn install(roots: Vec<JsObject>, walk: Walk, context: &mut Context) -> JsResult<()> {
    let engine = Visited::of(context);
    let others = engine.others();
    let special = Special::of(context);
    let visited = engine.0.clone();
    let mut pending = roots;
    let mut seen = HashSet::new();
    while let Some(object) = pending.pop() {
        if !seen.insert(object.clone()) {
            continue;
        }
        let known = visited.has(&object, context)?;
        if known && walk == Walk::New {
            continue;
        }
        if elsewhere(&others, &object, context)? {
            continue;
        }
        visited.add(&object, context)?;
        if !known && object.is::<NativeFunctionObject>() {
            let hidden = check_on_entry(&object, &special, context)?;
            visited.add(&hidden, context)?;
        }
        // A proxy answers only through its traps (guest code, which may throw or belong to
        // another engine); what it holds is reached, if at all, as guest code reaches it. A
        // long string wrapper's or typed array's own keys are its contents (primitives).
        if object.is::<Proxy>() || crate::commons::has_many_synthesized_keys(&object) {
            continue;
        }
        if let Some(prototype) = object.prototype() {
            pending.push(prototype);
        }
        let keys: Vec<PropertyKey> = object.own_property_keys(context)?;
        for key in keys {
            let Some(descriptor) = object.borrow().properties().get(&key) else {
                continue;
            };
            let values = [descriptor.value(), descriptor.get(), descriptor.set()];
            pending.extend(values.into_iter().flatten().filter_map(JsValue::as_object));
        }
    }
    Ok(())
}

/// Moves `function`'s body to a hidden function object and gives `function` a body that checks
/// the native stack, then runs the original. Returns the hidden object.
///
/// The hidden object can become a builtin's new target (see [`enter`]), and builtins read
/// `prototype` from their new target: it has the intrinsic's own `prototype`, frozen, and no
/// prototype of its own, so that read runs no guest code and shows it to no one.
fn check_on_entry(
    function: &JsObject,
    special: &Special,
    context: &mut Context,
) -> JsResult<JsObject> {
    let constructor = function.is_constructor();
    let placeholder = || NativeFunction::from_fn_ptr(|_, _, _| Ok(JsValue::undefined()));
    let build = |native: NativeFunction, context: &mut Context| -> JsObject {
        FunctionObjectBuilder::new(context.realm(), native)
            .name(js_string!())
            .constructor(constructor)
            .build()
            .into()
    };
    let hidden = build(placeholder(), context);
    let bodies = Bodies {
        itself: function.clone(),
        original: hidden.clone(),
        engine: EngineId::of(context)
            .ok_or_else(|| JsNativeError::typ().with_message("no engine built this context"))?,
    };
    let checked = build(special.body(function, bodies), context);
    swap_bodies(function, &hidden);
    swap_bodies(function, &checked);
    if let Some(prototype) = function
        .borrow()
        .properties()
        .get(&js_string!("prototype").into())
        .and_then(|descriptor| descriptor.value().cloned())
        && let Some(prototype) = prototype.as_object()
    {
        set_fixed_prototype(&hidden, prototype, context)?;
    }
    hidden.set_prototype(None);
    hidden.set_integrity_level(IntegrityLevel::Frozen, context)?;
    Ok(hidden)
}

fn swap_bodies(a: &JsObject, b: &JsObject) {
    if let (Some(mut a), Some(mut b)) = (
        a.downcast_mut::<NativeFunctionObject>(),
        b.downcast_mut::<NativeFunctionObject>(),
    ) {
        std::mem::swap(&mut *a, &mut *b);
    }
}

/// The new body: Boa gives a native constructor `undefined` as `this` when it is called and the
/// new target when it is constructed, so a constructor's call is forwarded as a call and its
/// construction as a construction. A new target that is the intrinsic itself becomes the
/// hidden original: builtins compare the new target with the active function object (`new
/// Object(1)` is a Number wrapper; `new Iterator()` throws), and the fallback prototype of both
/// is the same intrinsic prototype.
fn enter(
    this: &JsValue,
    args: &[JsValue],
    bodies: &Bodies,
    context: &mut Context,
) -> JsResult<JsValue> {
    bodies.check(context)?;
    let original = &bodies.original;
    match this.as_object() {
        Some(new_target) if original.is_constructor() => {
            let new_target = if JsObject::equals(&new_target, &bodies.itself) {
                original
            } else {
                &new_target
            };
            Ok(original.construct(args, Some(new_target), context)?.into())
        }
        _ => original.call(this, args, context),
    }
}

/// `RegExp`'s new body. Called as a function, `RegExp(pattern)` returns a regexp-like `pattern`
/// whose `constructor` is the active function object (ECMA-262 22.2.4.1 step 4.b); Boa compares
/// with the function it runs as, which is now the hidden original, so that step is taken here,
/// with the spec's reads (`@@match`, then `constructor`), before delegating.
fn enter_regexp(
    this: &JsValue,
    args: &[JsValue],
    bodies: &Bodies,
    context: &mut Context,
) -> JsResult<JsValue> {
    bodies.check(context)?;
    let pattern = args.get_or_undefined(0);
    if this.is_undefined()
        && args.get_or_undefined(1).is_undefined()
        && let Some(object) = pattern.as_object()
    {
        let matcher = object.get(JsSymbol::r#match(), context)?;
        let is_regexp = if matcher.is_undefined() {
            object.is::<RegExp>()
        } else {
            matcher.to_boolean()
        };
        if is_regexp {
            let constructor = object.get(js_string!("constructor"), context)?;
            if constructor
                .as_object()
                .is_some_and(|c| JsObject::equals(&c, &bodies.itself))
            {
                return Ok(pattern.clone());
            }
        }
    }
    enter(this, args, bodies, context)
}

/// `Promise.prototype.finally`'s new body. Its `thenFinally` and `catchFinally` are Boa closures
/// no walk reaches (each call makes new ones), which a guest may call again and again: each
/// calls `onFinally`, then reads the `constructor` of what it returned, and that getter can call
/// the closure again, a cycle of natives only. `onFinally` is handed over behind a native that
/// checks the native stack, so every turn of such a cycle is checked; it calls `onFinally` with
/// no `this` and no arguments, as the closures do, and no guest ever sees it.
fn enter_finally(
    this: &JsValue,
    args: &[JsValue],
    bodies: &Bodies,
    context: &mut Context,
) -> JsResult<JsValue> {
    bodies.check(context)?;
    let on_finally = args.get_or_undefined(0);
    let Some(on_finally) = on_finally.as_callable() else {
        return enter(this, args, bodies, context);
    };
    let checked = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_copy_closure_with_captures(
            |_, _, on_finally: &JsObject, context| {
                ensure_native_stack()?;
                on_finally.call(&JsValue::undefined(), &[], context)
            },
            on_finally,
        ),
    )
    .build();
    enter(this, &[checked.into()], bodies, context)
}

/// The intrinsic (as its guests see it) and the function object now holding its original body.
#[derive(Trace, Finalize)]
struct Bodies {
    itself: JsObject,
    original: JsObject,
    /// The engine whose walk installed the check.
    #[unsafe_ignore_trace]
    engine: EngineId,
}

impl Bodies {
    /// The entry check: room on the native stack, and the caller's engine is the one the
    /// function belongs to (another engine's context would run it over that engine's host
    /// data: its lockdown, dispatch and limits).
    fn check(&self, context: &Context) -> JsResult<()> {
        ensure_native_stack()?;
        self.engine.check(context)
    }
}
