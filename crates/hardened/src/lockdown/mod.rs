//! `lockdown()` and `harden()`: tame and freeze every intrinsic the compartments share.
//!
//! Order (SES's, adapted to Boa): validate the options; refuse a second call; make the tamed
//! intrinsics (inert function constructors, `%SharedDate%`, `%SharedMath%`,
//! `%SharedTemporal%`, the error `stack` accessor, the NaN-canonicalising `DataView` setters);
//! enforce the permits table from the named roots, binding every intrinsic it reaches and
//! removing what is not permitted; tame locale methods; enable property overrides; harden
//! every intrinsic; then give compartments made from now on the shared, powerless globals.

mod audit;
mod enablements;
mod harden;
mod intrinsics;
mod options;
mod taming;

use std::{cell::Cell, rc::Rc};

use boa_engine::{
    Context, JsArgs, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
    js_string,
    object::FunctionObjectBuilder,
    property::{PropertyDescriptor, PropertyKey},
};

pub use audit::Mutabilities;
pub(crate) use audit::audit;
pub(crate) use harden::Hardener;
pub(crate) use intrinsics::Intrinsics;
pub use options::{
    ErrorTaming, EvalTaming, LockdownOptions, OverrideTaming, RegeneratorTaming, Reporting, Taming,
    UnhandledRejectionTrapping,
};

use crate::{
    commons::{define_builtin, freeze},
    compartment::{Globals, SharedClass},
    permits,
};

/// What lockdown reported: the intrinsics it removed and the deprecated options it saw.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct LockdownReport {
    /// Warnings in order, e.g. `Removing intrinsics.%ArrayPrototype%.evil`.
    pub warnings: Vec<String>,
}

/// What receives a warning.
type Sink = Rc<dyn Fn(&str)>;

/// Where the host wants lockdown's warnings as they happen (`EngineBuilder::on_warning`); the library
/// writes nothing anywhere by itself.
pub(crate) struct WarningSink(pub(crate) Sink);

/// Passes `message` to the host's warning sink, if it set one.
pub(crate) fn warn(context: &Context, message: &str) {
    if let Some(WarningSink(sink)) = context.get_data::<WarningSink>() {
        sink(message);
    }
}

/// Collects lockdown's warnings and echoes them per the `reporting` option.
pub(crate) struct Reporter {
    reporting: Reporting,
    warnings: Vec<String>,
    sink: Option<Sink>,
}

impl Reporter {
    pub(crate) fn warn(&mut self, message: String) {
        if self.reporting != Reporting::None
            && let Some(sink) = &self.sink
        {
            sink(&message);
        }
        self.warnings.push(message);
    }
}

/// Lockdown's engine-wide state.
pub(crate) struct LockdownState {
    locked_down: Cell<bool>,
    /// Between `repairIntrinsics` and `hardenIntrinsics`: what the second phase needs.
    repaired: std::cell::RefCell<Option<Repaired>>,
    hardener: std::cell::OnceCell<Hardener>,
    /// The start compartment's `makeAssert` (see `assert.js`), for lockdown's redacting one.
    make_assert: std::cell::OnceCell<JsObject>,
    /// The `assert` installed at engine build.
    installed_assert: std::cell::OnceCell<JsObject>,
    /// The start compartment's `mutabilities`, a root of the permit walk.
    mutabilities: JsObject,
}

/// The outcome of the first phase, for the second.
struct Repaired {
    intrinsics: Intrinsics,
    harden: JsObject,
    harden_taming: Taming,
    eval_taming: EvalTaming,
    error_taming: ErrorTaming,
}

impl LockdownState {
    pub(crate) fn new(mutabilities: JsObject) -> Self {
        Self {
            mutabilities,
            locked_down: Cell::new(false),
            repaired: std::cell::RefCell::new(None),
            hardener: std::cell::OnceCell::new(),
            make_assert: std::cell::OnceCell::new(),
            installed_assert: std::cell::OnceCell::new(),
        }
    }

    pub(crate) fn get(context: &Context) -> &Self {
        context
            .get_data::<Self>()
            .expect("the lockdown state is installed when the engine is built")
    }

    pub(crate) fn is_locked_down(context: &Context) -> bool {
        Self::get(context).locked_down.get()
    }
}

/// Locks the engine down: both phases at once.
pub(crate) fn lockdown(
    options: &LockdownOptions,
    context: &mut Context,
) -> JsResult<LockdownReport> {
    let report = repair_intrinsics(options, context)?;
    harden_intrinsics(context)?;
    Ok(report)
}

/// The first phase (SES `repairIntrinsics`): tames the intrinsics and removes what the permits
/// do not allow, leaving them mutable so that a vetted shim can run before
/// [`harden_intrinsics`]. Nothing of a compartment's code runs in between unless the host
/// runs it.
pub(crate) fn repair_intrinsics(
    options: &LockdownOptions,
    context: &mut Context,
) -> JsResult<LockdownReport> {
    let mut reporter = Reporter {
        reporting: options.reporting,
        warnings: Vec::new(),
        sink: context
            .get_data::<WarningSink>()
            .map(|WarningSink(sink)| sink.clone()),
    };
    for name in &options.deprecated {
        reporter.warn(format!(
            "The '{name}' option is deprecated and does nothing."
        ));
    }
    if LockdownState::is_locked_down(context) {
        return Err(JsNativeError::typ()
            .with_message("Already locked down (SES_ALREADY_LOCKED_DOWN)")
            .into());
    }
    // From here on a failure leaves the engine half-tamed: mark it locked so nobody builds on
    // that, and report the error.
    LockdownState::get(context).locked_down.set(true);

    let mut intrinsics = collect_roots(context)?;
    taming::functions::tame(&mut intrinsics, context)?;
    taming::date::tame(&mut intrinsics, context)?;
    taming::math::tame(&mut intrinsics, context)?;
    taming::symbol::tame(&mut intrinsics, context)?;
    taming::temporal::tame(&mut intrinsics, context)?;
    taming::error::tame(options.error_taming, context)?;
    taming::nan::tame(context)?;
    crate::rejections::Rejections::set_tracking(
        options.unhandled_rejection_trapping == UnhandledRejectionTrapping::Report,
        context,
    );
    let harden = make_harden(options.harden_taming, context)?;
    intrinsics.bind("harden", harden.clone())?;

    intrinsics.enforce_permits(&mut reporter, context)?;
    if options.locale_taming == Taming::Safe {
        taming::locale::tame(&intrinsics, context)?;
    }
    enablements::enable(
        &intrinsics,
        options.override_taming,
        &options.override_debug,
        &mut reporter,
        context,
    )?;
    if options.legacy_regenerator_runtime_taming == RegeneratorTaming::UnsafeIgnore {
        taming::regenerator::tame(&intrinsics, context)?;
    }
    // Boa's `TypedArray` global (%TypedArray% itself) is no global of SES or of the web.
    Globals::get(context)
        .start_global()
        .delete_property_or_throw(js_string!("TypedArray"), context)?;
    *LockdownState::get(context).repaired.borrow_mut() = Some(Repaired {
        intrinsics,
        harden,
        harden_taming: options.harden_taming,
        eval_taming: options.eval_taming,
        error_taming: options.error_taming,
    });
    Ok(LockdownReport {
        warnings: reporter.warnings,
    })
}

/// Globals a vetted shim may add to the start compartment between the phases, shared with the
/// compartments made after lockdown (SES permits them when present).
const VETTED_SHIM_GLOBALS: &[&str] = &["HandledPromise"];

/// The second phase (SES `hardenIntrinsics`): hardens every intrinsic (and what vetted shims
/// added to them), shares the universal globals with new compartments and installs `harden`.
pub(crate) fn harden_intrinsics(context: &mut Context) -> JsResult<()> {
    let Some(Repaired {
        mut intrinsics,
        harden,
        harden_taming,
        eval_taming,
        error_taming,
    }) = LockdownState::get(context).repaired.borrow_mut().take()
    else {
        return Err(JsNativeError::typ()
            .with_message(if LockdownState::get(context).hardener.get().is_some() {
                "Already locked down (SES_ALREADY_LOCKED_DOWN)"
            } else {
                "hardenIntrinsics: call repairIntrinsics first"
            })
            .into());
    };
    let start = Globals::get(context).start_global();
    // A data property only: a getter would run guest code in the middle of lockdown.
    for name in VETTED_SHIM_GLOBALS {
        let value = start
            .borrow()
            .properties()
            .get(&JsString::from(*name).into())
            .and_then(|descriptor| descriptor.value().and_then(JsValue::as_object));
        if let Some(value) = value {
            intrinsics.bind(name, value)?;
        }
    }

    let hardener = Hardener::new(context);
    // Backstop: the realm's own evaluators refuse to compile (see `dispatch::CompileGate`) and
    // `%Function%` is reachable only until the tamings replace `constructor`; frozen, they hold
    // no state either way (their prototypes are hardened with the other intrinsics).
    let boa = context.intrinsics();
    let constructors = boa.constructors();
    let private_evaluators: [JsObject; 5] = [
        boa.objects().eval().into(),
        constructors.function().constructor(),
        constructors.generator_function().constructor(),
        constructors.async_function().constructor(),
        constructors.async_generator_function().constructor(),
    ];
    for evaluator in &private_evaluators {
        freeze(evaluator, context)?;
    }
    if harden_taming == Taming::Safe {
        let roots: Vec<JsValue> = intrinsics
            .objects()
            .map(|(_, object)| object.clone().into())
            .collect();
        hardener.harden_all(&roots, context)?;
    } else {
        fake_integrity_checks(&intrinsics, context)?;
    }
    // The hardener is created once; a lockdown that got this far never runs again.
    let _ = LockdownState::get(context).hardener.set(hardener);

    share_globals(&intrinsics, context)?;
    define_builtin(&start, "harden", harden);
    // SES: lockdown gives the start compartment a redacting `assert` unless errors are untamed
    // (here only where the start compartment still has ours: a host's own `assert` stays), and
    // ours is hardened like the rest of what lockdown installs.
    let state = LockdownState::get(context);
    let (installed, make_assert) = (
        state.installed_assert.get().cloned(),
        state.make_assert.get().cloned(),
    );
    let current = start.get(js_string!("assert"), context)?.as_object();
    if let (Some(installed), Some(current), Some(make_assert)) = (installed, current, make_assert)
        && JsObject::equals(&installed, &current)
    {
        let assert = if error_taming == ErrorTaming::Safe {
            let redacting = make_assert.call(&JsValue::undefined(), &[], context)?;
            let redacting = redacting
                .as_object()
                .ok_or_else(|| JsNativeError::typ().with_message("makeAssert made no assert"))?;
            define_builtin(&start, "assert", redacting.clone());
            redacting
        } else {
            installed
        };
        if harden_taming == Taming::Safe
            && let Some(hardener) = LockdownState::get(context).hardener.get().cloned()
        {
            hardener.harden(&assert.into(), context)?;
        }
    }
    match eval_taming {
        EvalTaming::NoEval => {
            for name in ["eval", "Function"] {
                let thrower = taming_no_eval(name, context);
                define_builtin(&start, name, thrower);
            }
        }
        // SES: the start compartment keeps the original `eval`, so `eval(src)` is a real
        // direct eval that sees local variables. Only its own code may compile with it.
        EvalTaming::UnsafeEval => {
            define_builtin(
                &start,
                "eval",
                crate::dispatch::Dispatch::realm_eval(context),
            );
            crate::dispatch::Dispatch::open_start_eval(context);
        }
        EvalTaming::SafeEval => {}
    }
    // The tamings, shared globals, shims' additions and `no-eval` throwers are new natives.
    guard_reentry(context)
}

/// Hardens `value` (after lockdown).
pub(crate) fn harden(value: &JsValue, context: &mut Context) -> JsResult<()> {
    let Some(hardener) = LockdownState::get(context).hardener.get() else {
        return Err(JsNativeError::typ()
            .with_message("harden is available after lockdown")
            .into());
    };
    // A handle to the same weak set, so the walk can borrow the context mutably.
    let hardener = hardener.clone();
    hardener.harden(value, context)
}

/// The roots of the permit walk: the realm's original globals and Boa's anonymous intrinsics.
fn collect_roots(context: &mut Context) -> JsResult<Intrinsics> {
    let mut intrinsics = Intrinsics::new();
    let globals = Globals::get(context);
    let mut roots: Vec<(&'static str, JsObject)> = Vec::new();
    for (key, descriptor) in globals.universal.borrow().iter() {
        let PropertyKey::String(name) = key else {
            continue;
        };
        let Some(object) = descriptor.value().and_then(JsValue::as_object) else {
            continue;
        };
        let name = name.to_std_string_escaped();
        let intrinsic = match name.as_str() {
            "Date" => "%InitialDate%",
            "Math" => "%InitialMath%",
            "Temporal" => "%InitialTemporal%",
            "TypedArray" => "%TypedArray%",
            other => match permits::record_of(other) {
                Some(record) => record.name,
                None => {
                    return Err(JsNativeError::typ()
                        .with_message(format!("lockdown: no permit for the global {other}"))
                        .into());
                }
            },
        };
        roots.push((intrinsic, object));
    }
    roots.push((
        "%CompartmentPrototype%",
        SharedClass::get(context).prototype.clone(),
    ));
    roots.push((
        "mutabilities",
        LockdownState::get(context).mutabilities.clone(),
    ));
    roots.extend(anonymous_intrinsics(context));
    for (name, object) in roots {
        intrinsics.bind(name, object)?;
    }
    Ok(intrinsics)
}

/// Boa's intrinsics that no global name reaches, with their SES names.
pub(crate) fn anonymous_intrinsics(context: &Context) -> Vec<(&'static str, JsObject)> {
    let boa = context.intrinsics();
    let constructors = boa.constructors();
    let iterators = boa.objects().iterator_prototypes();
    vec![
        ("%ThrowTypeError%", boa.objects().throw_type_error().into()),
        ("%FunctionPrototype%", constructors.function().prototype()),
        ("%ArrayIteratorPrototype%", iterators.array()),
        ("%StringIteratorPrototype%", iterators.string()),
        ("%MapIteratorPrototype%", iterators.map()),
        ("%SetIteratorPrototype%", iterators.set()),
        ("%RegExpStringIteratorPrototype%", iterators.regexp_string()),
        ("%AsyncIteratorPrototype%", iterators.async_iterator()),
        (
            "%AsyncFromSyncIteratorPrototype%",
            iterators.async_from_sync_iterator(),
        ),
        ("%IteratorHelperPrototype%", iterators.iterator_helper()),
        (
            "%WrapForValidIteratorPrototype%",
            iterators.wrap_for_valid_iterator(),
        ),
        ("%Generator%", constructors.generator_function().prototype()),
        ("%GeneratorPrototype%", boa.objects().generator()),
        (
            "%AsyncGenerator%",
            constructors.async_generator_function().prototype(),
        ),
        ("%AsyncGeneratorPrototype%", boa.objects().async_generator()),
        (
            "%AsyncFunctionPrototype%",
            constructors.async_function().prototype(),
        ),
    ]
}

/// From now on, new compartments get the universal intrinsics and the shared (powerless)
/// variants; the start compartment keeps what it has.
fn share_globals(intrinsics: &Intrinsics, context: &mut Context) -> JsResult<()> {
    let globals = Globals::get(context);
    let mut universal: Vec<(PropertyKey, PropertyDescriptor)> = globals
        .universal
        .borrow()
        .iter()
        .filter(|(_, d)| d.configurable() == Some(false))
        .cloned()
        .collect();
    let names = permits::UNIVERSAL
        .iter()
        .chain(VETTED_SHIM_GLOBALS)
        .map(|name| (*name, *name))
        .chain(permits::SHARED.iter().copied());
    for (global, intrinsic) in names {
        if let Some(object) = intrinsics.get(intrinsic) {
            universal.push((
                JsString::from(global).into(),
                PropertyDescriptor::builder()
                    .value(object.clone())
                    .writable(true)
                    .enumerable(false)
                    .configurable(true)
                    .build(),
            ));
        }
    }
    *globals.universal.borrow_mut() = universal;
    Ok(())
}

fn taming_no_eval(name: &str, context: &mut Context) -> JsObject {
    FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_fn_ptr(|_, args, _| {
            let source = args.get_or_undefined(0);
            if !source.is_string() {
                return Ok(source.clone());
            }
            Err(JsNativeError::typ()
                .with_message("Cannot eval with evalTaming set to \"no-eval\" (SES_NO_EVAL)")
                .into())
        }),
    )
    .name(JsString::from(name))
    .length(1)
    .build()
    .into()
}

/// The JS `harden` function; with `__hardenTaming__: 'unsafe'`, SES's fake.
fn make_harden(taming: Taming, context: &mut Context) -> JsResult<JsObject> {
    let function = match taming {
        Taming::Safe => NativeFunction::from_fn_ptr(|_, args, context| {
            let value = args.get_or_undefined(0).clone();
            harden(&value, context)?;
            Ok(value)
        }),
        Taming::Unsafe => {
            NativeFunction::from_fn_ptr(|_, args, _| Ok(args.get_or_undefined(0).clone()))
        }
    };
    let harden: JsObject = FunctionObjectBuilder::new(context.realm(), function)
        .name(js_string!("harden"))
        .length(1)
        .build()
        .into();
    if taming == Taming::Unsafe {
        harden.define_property_or_throw(
            js_string!("isFake"),
            PropertyDescriptor::builder()
                .value(true)
                .writable(false)
                .enumerable(false)
                .configurable(false),
            context,
        )?;
    }
    Ok(harden)
}

/// `__hardenTaming__: 'unsafe'`: as SES documents, integrity checks claim everything is frozen.
fn fake_integrity_checks(intrinsics: &Intrinsics, context: &mut Context) -> JsResult<()> {
    let lie = |answer: bool| NativeFunction::from_copy_closure(move |_, _, _| Ok(answer.into()));
    for (holder, name, answer) in [
        ("Object", "isExtensible", false),
        ("Object", "isFrozen", true),
        ("Object", "isSealed", true),
        ("Reflect", "isExtensible", false),
    ] {
        let holder = intrinsics.expect(holder)?;
        let function = FunctionObjectBuilder::new(context.realm(), lie(answer))
            .name(JsString::from(name))
            .length(1)
            .build();
        holder.set(JsString::from(name), function, true, context)?;
    }
    Ok(())
}

/// The start compartment's `lockdown(options)`.
pub(crate) fn make_lockdown(context: &mut Context) -> JsObject {
    FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_fn_ptr(|_, args, context| {
            let options = LockdownOptions::from_js(args.get_or_undefined(0), context)?;
            lockdown(&options, context)?;
            Ok(JsValue::undefined())
        }),
    )
    .name(js_string!("lockdown"))
    .length(0)
    .build()
    .into()
}

/// Gives the start compartment SES's `assert` (unredacted until lockdown), made by `assert.js`
/// evaluated in that compartment before any guest code runs.
pub(crate) fn install_assert(
    record: &boa_gc::Gc<crate::record::CompartmentRecord>,
    context: &mut Context,
) -> JsResult<()> {
    let make_assert = crate::evaluator::evaluate(
        context,
        record,
        js_string!(include_str!("../assert.js")),
        &crate::evaluator::Request {
            direct_eval: crate::parse::DirectEval::Reject,
            ..crate::evaluator::Request::named(
                "assert.js",
                record,
                crate::evaluator::Completion::Value,
            )
        },
    )?
    .as_object()
    .ok_or_else(|| JsNativeError::typ().with_message("assert.js made no makeAssert"))?;
    let assert = make_assert.call(
        &JsValue::undefined(),
        &[JsValue::undefined(), true.into()],
        context,
    )?;
    let assert = assert
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("makeAssert made no assert"))?;
    define_builtin(&record.global, "assert", assert.clone());
    let _ = LockdownState::get(context).make_assert.set(make_assert);
    let _ = LockdownState::get(context).installed_assert.set(assert);
    Ok(())
}

/// `repairIntrinsics(options)` and `hardenIntrinsics()`: lockdown in two phases, for hosts
/// that run a vetted shim in between.
pub(crate) fn make_two_phase(context: &mut Context) -> [(&'static str, JsObject); 2] {
    let repair = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_fn_ptr(|_, args, context| {
            let options = LockdownOptions::from_js(args.get_or_undefined(0), context)?;
            repair_intrinsics(&options, context)?;
            Ok(JsValue::undefined())
        }),
    )
    .name(js_string!("repairIntrinsics"))
    .length(0)
    .build()
    .into();
    let harden = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_fn_ptr(|_, _, context| {
            harden_intrinsics(context)?;
            Ok(JsValue::undefined())
        }),
    )
    .name(js_string!("hardenIntrinsics"))
    .length(0)
    .build()
    .into();
    [("repairIntrinsics", repair), ("hardenIntrinsics", harden)]
}

/// The start compartment's `mutabilities(root = globalThis)`: an array of paths.
pub(crate) fn make_mutabilities(context: &mut Context) -> JsObject {
    FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_fn_ptr(|_, args, context| {
            let root = match args.first() {
                Some(root) => root.clone(),
                None => Globals::get(context).start_global().into(),
            };
            let found = audit(&root, "root", context)?;
            let paths = found
                .paths
                .into_iter()
                .map(|p| JsValue::from(JsString::from(p)));
            Ok(boa_engine::object::builtins::JsArray::from_iter(paths, context).into())
        }),
    )
    .name(js_string!("mutabilities"))
    .length(1)
    .build()
    .into()
}

/// Gives every native function reachable from the engine's roots (the realm's global, the start
/// compartment's, the universal globals and Boa's anonymous intrinsics) its native-stack entry
/// check (see `bounded::reentry`): when the engine is built and again after lockdown.
pub(crate) fn guard_reentry(context: &mut Context) -> JsResult<()> {
    let globals = Globals::get(context);
    let mut roots = vec![context.global_object(), globals.start_global()];
    roots.extend(
        globals
            .universal
            .borrow()
            .iter()
            .filter_map(|(_, descriptor)| descriptor.value().and_then(JsValue::as_object)),
    );
    roots.extend(anonymous_intrinsics(context).into_iter().map(|(_, o)| o));
    crate::bounded::reentry::install(roots, crate::bounded::reentry::Walk::Everything, context)
}
