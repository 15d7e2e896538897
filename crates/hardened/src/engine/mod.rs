//! The engine: one Boa context (one agent, one realm, one set of intrinsics) hosting any number
//! of compartments.

mod builder;

pub use builder::EngineBuilder;

use std::{
    panic::{self, AssertUnwindSafe},
    rc::Rc,
};

use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsString, JsValue,
    property::{PropertyDescriptor, PropertyKey},
};
use boa_gc::Gc;

use crate::{
    compartment::{CompartmentOptions, Globals, SharedClass},
    convert::FromJs,
    dispatch::Dispatch,
    error::{Error, Result},
    evaluator::{self, Completion},
    host_fn::{IntoArgs, IntoJs},
    jobs::{Jobs, JobsHandle},
    limits::Limits,
    location::Source,
    lockdown::{self, LockdownOptions, LockdownReport, Mutabilities},
    module::{self, source::Language},
    record::{Compartment, CompartmentRecord, EngineId},
};

/// A guest function with typed arguments and result ([`Engine::get_function`],
/// [`Engine::invoke`]).
pub struct TypedFunction<A, R> {
    function: JsObject,
    types: std::marker::PhantomData<fn(A) -> R>,
}

impl<A, R> TypedFunction<A, R> {
    /// The function object.
    #[must_use]
    pub fn object(&self) -> &JsObject {
        &self.function
    }
}

fn wrong_engine(compartment: &Compartment) -> Error {
    Error::WrongEngine(format!("the compartment \"{}\"", compartment.name()))
}

/// Refuses options whose module map aliases a compartment of another engine (every alias, when
/// the engine is being built).
fn own_options(context: &Context, options: &CompartmentOptions) -> Result<()> {
    match options
        .aliased()
        .find(|compartment| !compartment.record.belongs(context))
    {
        Some(foreign) => Err(wrong_engine(foreign)),
        None => Ok(()),
    }
}

/// A JavaScript engine whose code runs in compartments.
///
/// An engine owns one Boa [`Context`]. All its compartments share one set of intrinsics
/// (`new Compartment().evaluate('Array') === Array`) while each has its own global object,
/// `eval`, `Function` and `Compartment`. The *start compartment* is the host's own.
///
/// ```
/// use hardened::{CompartmentOptions, Engine};
///
/// let mut engine = Engine::new()?;
/// let plugin = engine.new_compartment(CompartmentOptions::new().name("plugin").global("limit", 10))?;
/// let doubled: i32 = engine.evaluate(&plugin, "limit * 2")?;
/// assert_eq!(doubled, 20);
///
/// // Each compartment has its own globals but shares the intrinsics.
/// let other = engine.new_compartment(CompartmentOptions::new())?;
/// assert_eq!(engine.evaluate::<String>(&other, "typeof limit")?, "undefined");
/// let shared: bool = engine.evaluate(&other, "globalThis.Array === Array")?;
/// assert!(shared);
/// # Ok::<(), hardened::Error>(())
/// ```
///
/// An engine is not `Send`: use one engine per thread.
pub struct Engine {
    context: Context,
    start: Compartment,
    jobs: Rc<Jobs>,
    limits: Limits,
    value_stack: crate::boa::value_stack::ValueStack,
    /// The message of the panic that made the engine unusable.
    panicked: Option<String>,
}

impl Engine {
    /// An engine with the default settings: a start compartment without endowments, no
    /// limits, not locked down ([`Engine::builder`] chooses otherwise).
    ///
    /// # Errors
    /// Only if Boa fails to build its context.
    pub fn new() -> Result<Self> {
        Self::builder().build()
    }

    /// Chooses the engine-wide settings: see [`EngineBuilder`].
    pub fn builder() -> EngineBuilder {
        EngineBuilder::default()
    }

    /// How many bytecode instructions this engine may still execute (see
    /// [`EngineBuilder::instructions`];
    /// an engine built otherwise has `usize::MAX`).
    #[cfg(feature = "metering")]
    #[must_use]
    pub fn instructions_remaining(&self) -> u64 {
        self.context.instructions_remaining() as u64
    }

    /// Builds an engine: empties the realm's global object into the universal-globals table,
    /// installs the global-name dispatch and creates the start compartment.
    fn build(options: CompartmentOptions, instructions: Option<u64>) -> Result<Self> {
        // Boa's default loader reads the file system; guest `import()` must never reach it:
        // every module request goes to the compartment behind its referrer.
        let queue = Rc::new(Jobs::default());
        let builder = Context::builder()
            .module_loader(Rc::new(module::Loader))
            .job_executor(queue.clone())
            .host_hooks(Rc::new(crate::dispatch::CompileGate));
        // With Boa's `fuzz` feature every context has a budget, 0 unless set.
        #[cfg(feature = "metering")]
        let builder = builder.instructions_remaining(
            instructions.map_or(usize::MAX, |n| usize::try_from(n).unwrap_or(usize::MAX)),
        );
        #[cfg(not(feature = "metering"))]
        let _ = instructions;
        let mut context = builder.build().map_err(Error::from_js)?;
        EngineId::install(&mut context);
        crate::location::install(&mut context).map_err(Error::from_js)?;
        crate::host_panic::HostPanics::install(&mut context);
        crate::rejections::Rejections::install(&mut context);
        crate::bounded::install(&mut context).map_err(Error::from_js)?;
        crate::boa::regexp_source::repair_regexp_source(&mut context).map_err(Error::from_js)?;
        crate::encoding::install(&mut context).map_err(Error::from_js)?;
        context.insert_data(JobsHandle(queue.clone()));
        context.insert_data(module::ModuleTableHandle(Rc::default()));
        crate::ownership::Owners::install(&mut context);
        let mut universal =
            Dispatch::install(&mut context, queue.watch.clone()).map_err(Error::from_js)?;
        context.insert_data(crate::limits::WatchHandle(queue.watch.clone()));
        // Every compartment gets its own of these; the realm's `eval` and `Function` stay
        // private.
        universal.retain(|(key, _)| {
            !crate::permits::OWN
                .iter()
                .any(|name| *key == PropertyKey::from(JsString::from(*name)))
        });
        SharedClass::install(&mut context);
        // `lockdown` is universal, as in SES: compartments made before lockdown are privileged.
        let lockdown = lockdown::make_lockdown(&mut context);
        let phases = lockdown::make_two_phase(&mut context);
        for (name, function) in [("lockdown", lockdown)].into_iter().chain(phases) {
            universal.push((
                JsString::from(name).into(),
                PropertyDescriptor::builder()
                    .value(function)
                    .writable(true)
                    .enumerable(false)
                    .configurable(true)
                    .build(),
            ));
        }
        let (module_source, module_source_prototype) = module::source::make_class(&mut context);
        universal.push((
            JsString::from("ModuleSource").into(),
            PropertyDescriptor::builder()
                .value(module_source)
                .writable(true)
                .enumerable(false)
                .configurable(true)
                .build(),
        ));
        let mutabilities = lockdown::make_mutabilities(&mut context);
        context.insert_data(lockdown::LockdownState::new(mutabilities.clone()));
        let _ = module::ModuleTable::get(&context)
            .source_prototype
            .set(module_source_prototype);
        Globals::install(&mut context, universal);
        own_options(&context, &options)?;
        let spec = options
            .named_or("start")
            .into_spec(&mut context)
            .map_err(Error::from_js)?;
        let record = CompartmentRecord::create(&mut context, None, spec).map_err(Error::from_js)?;
        record.global.insert_property(
            JsString::from("mutabilities"),
            PropertyDescriptor::builder()
                .value(mutabilities)
                .writable(true)
                .enumerable(false)
                .configurable(true),
        );
        Globals::get(&context).set_start_global(record.global.clone());
        lockdown::install_assert(&record, &mut context).map_err(Error::from_js)?;
        let start = Compartment::new(record, &mut context);
        lockdown::guard_reentry(&mut context).map_err(Error::from_js)?;
        Ok(Self {
            value_stack: crate::boa::value_stack::ValueStack::new(&context),
            context,
            start,
            jobs: queue,
            limits: Limits::default(),
            panicked: None,
        })
    }

    /// The host's start compartment: the universal globals plus `Compartment`.
    #[must_use]
    pub fn start_compartment(&self) -> &Compartment {
        &self.start
    }

    /// Creates a compartment whose parent is the start compartment.
    ///
    /// # Errors
    /// When an endowment cannot be assigned (e.g. `NaN`, which is read-only).
    pub fn new_compartment(&mut self, options: CompartmentOptions) -> Result<Compartment> {
        own_options(&self.context, &options)?;
        let parent = self.start.record.clone();
        self.guarded(|context| {
            let spec = options.into_spec(context)?;
            let record = CompartmentRecord::create(context, Some(parent), spec)?;
            Ok(Compartment::new(record, context))
        })
    }

    /// Evaluates a script in `compartment` with SES `evaluate` semantics (strict, declarations
    /// local to the call, `this` = its `globalThis`) and converts the completion value.
    ///
    /// # Errors
    /// [`Error::Thrown`] when the code throws (including `SyntaxError`s),
    /// [`Error::Conversion`] when the value does not convert to `T`.
    pub fn evaluate<'a, T: FromJs>(
        &mut self,
        compartment: &Compartment,
        source: impl Into<Source<'a>>,
    ) -> Result<T> {
        let value = self.evaluate_value(compartment, source)?;
        self.convert(&value)
    }

    /// Like [`Engine::evaluate`], returning the raw JavaScript value.
    ///
    /// # Errors
    /// [`Error::Thrown`] when the code throws.
    pub fn evaluate_value<'a>(
        &mut self,
        compartment: &Compartment,
        source: impl Into<Source<'a>>,
    ) -> Result<JsValue> {
        self.evaluate_in(compartment, source.into(), Completion::Value)
    }

    /// Runs script `source` in `compartment` for its effects, as [`Engine::evaluate`] would,
    /// without its completion value. Loading a library or a plugin this way is faster: a
    /// source whose top level declares `var`s or uses control flow is parsed once instead of
    /// twice (once to find its completion value).
    ///
    /// ```
    /// # fn main() -> hardened::Result<()> {
    /// let mut engine = hardened::Engine::new()?;
    /// let compartment = engine.new_compartment(hardened::CompartmentOptions::new())?;
    /// engine.run_script(&compartment, "var hits = 0; for (var i = 0; i < 3; i++) hits++;")?;
    /// // Top-level declarations stay local to the run; globals are written explicitly.
    /// engine.run_script(&compartment, "var n = 2; globalThis.n = n * 21;")?;
    /// assert_eq!(engine.evaluate::<f64>(&compartment, "n")?, 42.0);
    /// assert_eq!(engine.evaluate::<String>(&compartment, "typeof hits")?, "undefined");
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    /// [`Error::Thrown`] when the code throws (including `SyntaxError`s).
    pub fn run_script<'a>(
        &mut self,
        compartment: &Compartment,
        source: impl Into<Source<'a>>,
    ) -> Result<()> {
        self.evaluate_in(compartment, source.into(), Completion::Effects)
            .map(drop)
    }

    /// Evaluates one input of a read-eval-print loop in `compartment`, as [`Engine::evaluate`]
    /// would, except that what the input declares at its top level (`let`, `const`, `class`,
    /// `function`, `var`) stays visible to the compartment's later code, as its global
    /// lexicals (not properties of its `globalThis`), and that the input may `await` at its top
    /// level: the jobs then run until it settles, and the awaited completion value is returned.
    ///
    /// Later inputs share the very binding the input's own closures use. An input may declare
    /// a name again: that makes a new binding, and closures made before keep the old one. An
    /// input that declares something and whose completion value depends on control flow
    /// (`let y = 1; if (y) 2`) completes with `undefined`. An input with top-level `await`
    /// may not contain `<!--` or `-->`. The promise jobs the input queued run before it
    /// returns, as node's REPL runs them before its next prompt.
    ///
    /// ```
    /// use hardened::{CompartmentOptions, Engine};
    ///
    /// let mut engine = Engine::new()?;
    /// let guest = engine.new_compartment(CompartmentOptions::new())?;
    /// engine.evaluate_repl(&guest, "let n = 0; const inc = () => ++n;")?;
    /// engine.evaluate_repl(&guest, "inc(); inc();")?;
    /// assert_eq!(engine.evaluate_repl(&guest, "n")?.as_number(), Some(2.0));
    /// let v = engine.evaluate_repl(&guest, "const v = await Promise.resolve(40); v + 2")?;
    /// assert_eq!(v.as_number(), Some(42.0));
    /// // Not properties of globalThis, and `evaluate` keeps its own declarations local.
    /// assert!(engine.evaluate::<bool>(&guest, "!('n' in globalThis) && v === 40")?);
    /// # Ok::<(), hardened::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Thrown`] when the input throws or its top-level `await` rejects (its
    /// declarations up to there stay), or when an awaited promise never settles.
    pub fn evaluate_repl<'a>(
        &mut self,
        compartment: &Compartment,
        source: impl Into<Source<'a>>,
    ) -> Result<JsValue> {
        let record = self.own(compartment)?;
        let source = source.into();
        // The jobs the input queued run in the same call, as node's REPL runs them before its
        // next prompt: one call, so an interrupt of the input also reaches its jobs.
        self.guarded(|context| {
            let value = evaluator::repl::evaluate(
                context,
                &record,
                JsString::from(source.text),
                source.name,
            )?;
            context.run_jobs()?;
            Ok(value)
        })
    }

    fn evaluate_in(
        &mut self,
        compartment: &Compartment,
        source: Source<'_>,
        completion: Completion,
    ) -> Result<JsValue> {
        let record = self.own(compartment)?;
        self.guarded(|context| {
            evaluator::evaluate(
                context,
                &record,
                JsString::from(source.text),
                &evaluator::Request::named(source.name, &record, completion),
            )
        })
    }

    /// The record behind a compartment handle of this engine's.
    fn own(&self, compartment: &Compartment) -> Result<Gc<CompartmentRecord>> {
        if compartment.record.belongs(&self.context) {
            Ok(compartment.record.clone())
        } else {
            Err(wrong_engine(compartment))
        }
    }

    /// Runs one call into the engine under its limits (the timeout counts from here), with
    /// Boa's panics contained: a panic poisons the engine instead of unwinding into the host.
    /// A panic of the host's own endowments or hooks is raised again here ([`crate::host_panic`]).
    fn guarded<T>(&mut self, call: impl FnOnce(&mut Context) -> JsResult<T>) -> Result<T> {
        if let Some(panic) = &self.panicked {
            return Err(Error::Unusable(panic.clone()));
        }
        self.jobs.watch.arm(self.limits.timeout_value());
        crate::host_panic::arm(&self.context);
        let depth = self.limits.native_stack_value();
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            crate::stack::engine_call(depth, || -> JsResult<T> {
                let value = call(&mut self.context)?;
                crate::limits::check_budget(&self.context)?;
                Ok(value)
            })
        }));
        self.jobs.watch.arm(None);
        let (host_panic, boa_panic) = crate::host_panic::disarm(&self.context);
        // Boa panicked, whether the panic reached here or a host function caught it: the
        // engine is poisoned, and the host's own panic, if any, still goes to the host.
        let result = match result {
            Ok(result) => result,
            Err(payload) => {
                let message =
                    boa_panic.unwrap_or_else(|| crate::host_panic::message(payload.as_ref()));
                return self.poisoned(message, host_panic);
            }
        };
        if let Some(message) = boa_panic {
            return self.poisoned(message, host_panic);
        }
        if let Some(host_panic) = host_panic {
            // The call was halted (`host_panic`): its jobs are abandoned with it, the limits
            // the halt lowered come back, and the uncatchable error that ended it left its
            // value-stack slots.
            self.jobs.clear();
            self.limits.apply(&mut self.context);
            self.value_stack.restore_headroom(&mut self.context);
            panic::resume_unwind(host_panic);
        }
        result.map_err(|error| {
            // An uncatchable error (a limit) left slots on Boa's value stack.
            if error.as_engine().is_some() {
                self.value_stack.restore_headroom(&mut self.context);
            }
            // An interrupted call stops with the jobs it queued: the next call must not go on
            // with them.
            if crate::Limit::of(&error) == Some(crate::Limit::Interrupted) {
                self.jobs.clear();
            }
            Error::from_js_in(error, &mut self.context)
        })
    }

    /// Poisons the engine after Boa panicked (`message`), and raises the host's own panic of
    /// the call, if any.
    fn poisoned<T>(
        &mut self,
        message: String,
        host_panic: Option<Box<dyn std::any::Any + Send>>,
    ) -> Result<T> {
        self.panicked = Some(message.clone());
        match host_panic {
            Some(host_panic) => panic::resume_unwind(host_panic),
            None => Err(Error::Unusable(message)),
        }
    }

    /// Whether the engine still accepts calls: `false` once Boa has panicked in one of them
    /// (see [`Error::Unusable`]).
    #[must_use]
    pub fn is_usable(&self) -> bool {
        self.panicked.is_none()
    }

    /// A handle that stops the running call into this engine from another thread (a Ctrl+C
    /// handler, a supervisor): see [`crate::InterruptHandle`].
    #[must_use]
    pub fn interrupt_handle(&self) -> crate::InterruptHandle {
        self.jobs.watch.interrupt_handle()
    }

    /// Sets the runaway-code limits for every later call into the engine.
    pub fn set_limits(&mut self, limits: Limits) {
        limits.apply(&mut self.context);
        self.jobs.pending_cap.set(limits.pending_jobs_value());
        self.limits = limits;
    }

    /// Locks the engine down (SES `lockdown()`): tames and freezes every shared intrinsic.
    /// Compartments created afterwards get the shared, powerless globals and `harden`.
    ///
    /// ```
    /// use hardened::{CompartmentOptions, Engine, LockdownOptions};
    ///
    /// let mut engine = Engine::new()?;
    /// engine.lockdown(LockdownOptions::default())?;
    /// let guest = engine.new_compartment(CompartmentOptions::new())?;
    /// assert!(engine.evaluate::<bool>(&guest, "Object.isFrozen(Array.prototype)")?);
    /// let escape = engine.evaluate::<String>(&guest, "try { (function(){}).constructor('return 1') } catch (e) { e.name }")?;
    /// assert_eq!(escape, "TypeError");
    /// # Ok::<(), hardened::Error>(())
    /// ```
    ///
    /// # Errors
    /// A `TypeError` on a second call, or if an intrinsic cannot be tamed.
    pub fn lockdown(&mut self, options: LockdownOptions) -> Result<LockdownReport> {
        self.guarded(|context| lockdown::lockdown(&options, context))
    }

    /// The first half of [`Engine::lockdown`] (SES `repairIntrinsics`): tames the intrinsics
    /// and removes what the permits do not allow, but leaves them mutable, so that the host can
    /// run a vetted shim (eventual-send's `HandledPromise`, say) before
    /// [`Engine::harden_intrinsics`].
    ///
    /// ```
    /// # fn main() -> hardened::Result<()> {
    /// let mut engine = hardened::Engine::new()?;
    /// let start = engine.start_compartment().clone();
    /// engine.repair_intrinsics(hardened::LockdownOptions::default())?;
    /// engine.evaluate_value(&start, "Promise.prototype.shimmed = 1")?;
    /// engine.harden_intrinsics()?;
    /// let guest = engine.new_compartment(hardened::CompartmentOptions::new())?;
    /// assert!(engine.evaluate::<bool>(&guest, "Object.isFrozen(Promise.prototype)")?);
    /// assert_eq!(engine.evaluate::<i32>(&guest, "Promise.prototype.shimmed")?, 1);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    /// As [`Engine::lockdown`].
    pub fn repair_intrinsics(&mut self, options: LockdownOptions) -> Result<LockdownReport> {
        self.guarded(|context| lockdown::repair_intrinsics(&options, context))
    }

    /// The second half of [`Engine::lockdown`] (SES `hardenIntrinsics`): hardens every
    /// intrinsic and what a shim added to them, and shares the universal globals (and a
    /// shim's `HandledPromise`) with compartments made from now on.
    ///
    /// # Errors
    /// A `TypeError` before [`Engine::repair_intrinsics`] or after lockdown.
    pub fn harden_intrinsics(&mut self) -> Result<()> {
        self.guarded(lockdown::harden_intrinsics)
    }

    /// Hardens `value` (SES `harden`): freezes it and everything reachable through its own
    /// properties and prototypes.
    ///
    /// # Errors
    /// Before [`Engine::lockdown`], or when an object refuses to be frozen (a proxy).
    pub fn harden(&mut self, value: &JsValue) -> Result<()> {
        self.guarded(|context| lockdown::harden(value, context))
    }

    /// Every path from `root` to mutable state (the XS `mutabilities` audit): check what you
    /// are about to endow a compartment with.
    ///
    /// # Errors
    /// When a property cannot be read (an exotic object's trap threw).
    pub fn mutabilities(&mut self, root: &JsValue, root_name: &str) -> Result<Mutabilities> {
        self.guarded(|context| lockdown::audit(root, root_name, context))
    }

    /// Imports a module into `compartment` (as `compartment.import(specifier)`), running jobs
    /// until it has loaded and evaluated; returns its namespace.
    ///
    /// # Errors
    /// [`Error::Thrown`] when loading or evaluation fails, or when the load never settles.
    pub fn import(&mut self, compartment: &Compartment, specifier: &str) -> Result<JsObject> {
        let record = self.own(compartment)?;
        self.guarded(|context| import_in(context, &record, specifier))
    }

    /// Evaluates module `source` in `compartment` under `specifier` (its imports resolve
    /// against it) and returns its namespace once it and its imports have run.
    ///
    /// ```
    /// use hardened::{CompartmentOptions, Engine};
    ///
    /// let mut engine = Engine::new()?;
    /// let guest = engine.new_compartment(CompartmentOptions::new())?;
    /// let namespace = engine.evaluate_module(&guest, "main", "export const answer = 6 * 7;")?;
    /// assert_eq!(engine.get::<i32>(&namespace, "answer")?, 42);
    /// # Ok::<(), hardened::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Thrown`] for a syntax error, a failed import or an exception.
    pub fn evaluate_module(
        &mut self,
        compartment: &Compartment,
        specifier: &str,
        source: &str,
    ) -> Result<JsObject> {
        let text =
            module::source::ModuleText::new(source.encode_utf16().collect(), Language::JavaScript);
        let record = &self.own(compartment)?;
        self.guarded(|context| {
            let instance = module::descriptor::instantiate_text(
                record,
                JsString::from(specifier),
                text,
                &JsValue::undefined(),
                Language::JavaScript,
                context,
            )?;
            record.modules.define(JsString::from(specifier), instance);
            import_in(context, record, specifier)
        })
    }

    /// Imports a module synchronously (as `compartment.importNow(specifier)`): the map and
    /// `importNowHook` only, no promise jobs run, top-level `await` refused.
    ///
    /// # Errors
    /// [`Error::Thrown`] when loading or evaluation fails.
    pub fn import_now(&mut self, compartment: &Compartment, specifier: &str) -> Result<JsObject> {
        let record = self.own(compartment)?;
        self.guarded(|context| {
            module::methods::import_now_namespace(
                &record,
                &JsString::from(specifier),
                Language::JavaScript,
                context,
            )
        })
    }

    /// Calls a guest function (from a module namespace, a compartment's global, an evaluation's
    /// result) under the engine's limits, then runs the jobs it left.
    ///
    /// ```
    /// use hardened::{CompartmentOptions, Engine};
    ///
    /// let mut engine = Engine::new()?;
    /// let guest = engine.new_compartment(CompartmentOptions::new())?;
    /// let plugin = engine.evaluate_module(&guest, "plugin", "export const twice = x => x * 2;")?;
    /// let twice: hardened::boa_engine::JsObject = engine.get(&plugin, "twice")?;
    /// let value = engine.call(&twice, &hardened::boa_engine::JsValue::undefined(), &[21.into()])?;
    /// assert_eq!(value.as_number(), Some(42.0));
    /// # Ok::<(), hardened::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Thrown`] when the function throws or is not callable, [`Error::Limit`] when it
    /// runs into a limit.
    pub fn call(
        &mut self,
        function: &JsObject,
        this: &JsValue,
        args: &[JsValue],
    ) -> Result<JsValue> {
        self.guarded(|context| {
            crate::host_fn::handed_in_all(args, context)?;
            crate::bounded::reentry::handed_in(this, context)?;
            let value = function.call(this, args, context)?;
            context.run_jobs()?;
            Ok(value)
        })
    }

    /// Keeps `value` in the engine for host functions to reach ([`Caller::data`](crate::Caller::data));
    /// one value per type, replacing the last.
    pub fn set_data<T: std::any::Any>(&mut self, value: T) {
        crate::host_fn::set_data(&mut self.context, value);
    }

    /// The host state of type `T` the engine keeps.
    #[must_use]
    pub fn data<T: std::any::Any>(&self) -> Option<&T> {
        crate::host_fn::data(&self.context)
    }

    /// The guest function `name` of `object` (a module namespace, a compartment's global), as a
    /// typed handle to call with [`Engine::invoke`].
    ///
    /// ```
    /// use hardened::{CompartmentOptions, Engine, ModuleDescriptor, TypedFunction};
    ///
    /// let mut engine = Engine::new()?;
    /// let guest = engine.new_compartment(
    ///     CompartmentOptions::new().module("math", ModuleDescriptor::source("export const add = (a, b) => a + b;")),
    /// )?;
    /// let math = engine.import(&guest, "math")?;
    /// let add: TypedFunction<(i32, i32), i32> = engine.get_function(&math, "add")?;
    /// assert_eq!(engine.invoke(&add, (2, 3))?, 5);
    /// # Ok::<(), hardened::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Conversion`] when the property is not a function, or what reading it throws.
    pub fn get_function<A: IntoArgs, R: FromJs>(
        &mut self,
        object: &JsObject,
        name: &str,
    ) -> Result<TypedFunction<A, R>> {
        let value: JsValue = self.get(object, name)?;
        match value.as_callable() {
            Some(function) => Ok(TypedFunction {
                function,
                types: std::marker::PhantomData,
            }),
            None => Err(Error::Conversion(format!("{name} is not a function"))),
        }
    }

    /// Calls a typed guest function with `this` = `undefined`, runs the jobs it queued, and
    /// converts its result.
    ///
    /// # Errors
    /// What the function throws, a limit, or [`Error::Conversion`] for its result.
    pub fn invoke<A: IntoArgs, R: FromJs>(
        &mut self,
        function: &TypedFunction<A, R>,
        args: A,
    ) -> Result<R> {
        let args = self.guarded(|context| args.into_args(context))?;
        let value = self.call(&function.function, &JsValue::undefined(), &args)?;
        self.convert(&value)
    }

    /// Reads `name` from an object (a module namespace, a compartment's global) and converts it.
    ///
    /// # Errors
    /// [`Error::Thrown`] when reading throws, [`Error::Conversion`] when the value does not
    /// convert to `T`.
    pub fn get<T: FromJs>(&mut self, object: &JsObject, name: &str) -> Result<T> {
        let value = self.guarded(|context| object.get(JsString::from(name), context))?;
        self.convert(&value)
    }

    /// Writes `name` on an object (a compartment's global, an object the guest made), under
    /// the engine's limits and panic containment: a guest setter or proxy trap runs as guest
    /// code does. A write the object refuses (read-only, frozen) is a `TypeError`.
    ///
    /// # Errors
    /// [`Error::Thrown`] when the write throws or is refused, [`Error::Limit`] when a setter
    /// runs into a limit.
    pub fn set(&mut self, object: &JsObject, name: &str, value: impl IntoJs) -> Result<()> {
        self.guarded(|context| {
            let value = value.into_js(context)?;
            crate::bounded::reentry::handed_in(&value, context)?;
            object
                .set(JsString::from(name), value, true, context)
                .map(drop)
        })
    }

    /// Reads global `name` of `compartment` (as guest code's `globalThis[name]`) and converts
    /// it, under the engine's limits.
    ///
    /// ```
    /// use hardened::{CompartmentOptions, Engine};
    ///
    /// let mut engine = Engine::new()?;
    /// let guest = engine.new_compartment(CompartmentOptions::new())?;
    /// engine.set_global(&guest, "answer", 42)?;
    /// engine.run_script(&guest, "globalThis.doubled = answer * 2;")?;
    /// assert_eq!(engine.get_global::<i32>(&guest, "doubled")?, 84);
    /// # Ok::<(), hardened::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::WrongEngine`] for another engine's compartment, [`Error::Thrown`] when a getter
    /// throws, [`Error::Conversion`] when the value does not convert to `T`.
    pub fn get_global<T: FromJs>(&mut self, compartment: &Compartment, name: &str) -> Result<T> {
        let global = self.own(compartment)?.global.clone();
        self.get(&global, name)
    }

    /// Writes global `name` of `compartment` (as guest code's `globalThis[name] = value`),
    /// under the engine's limits.
    ///
    /// # Errors
    /// [`Error::WrongEngine`] for another engine's compartment, [`Error::Thrown`] when the
    /// write throws or is refused (a frozen global, a read-only name such as `NaN`).
    pub fn set_global(
        &mut self,
        compartment: &Compartment,
        name: &str,
        value: impl IntoJs,
    ) -> Result<()> {
        let global = self.own(compartment)?.global.clone();
        self.set(&global, name, value)
    }

    fn convert<T: FromJs>(&mut self, value: &JsValue) -> Result<T> {
        self.guarded(|context| {
            Ok(crate::convert::budgeted(context, |context| {
                T::from_js(value, context)
            }))
        })?
        .map_err(|error| Error::Conversion(Error::from_js(error).to_string()))
    }

    /// What `value` settles to: the fulfilment value of a promise, after running jobs until it
    /// settles, or `value` itself when it is not a promise.
    ///
    /// ```
    /// use hardened::{CompartmentOptions, Engine};
    ///
    /// let mut engine = Engine::new()?;
    /// let guest = engine.new_compartment(CompartmentOptions::new())?;
    /// let promise = engine.evaluate_value(&guest, "(async () => 6 * 7)()")?;
    /// assert_eq!(engine.settle(&promise)?.as_number(), Some(42.0));
    /// let rejected = engine.evaluate_value(&guest, "Promise.reject(new RangeError('no'))")?;
    /// assert_eq!(engine.settle(&rejected).unwrap_err().to_string(), "RangeError: no");
    /// # Ok::<(), hardened::Error>(())
    /// ```
    ///
    /// # Errors
    /// The promise's rejection, a `TypeError` when it is still pending once no job is left to
    /// run, or a limit or engine error from the jobs.
    pub fn settle(&mut self, value: &JsValue) -> Result<JsValue> {
        let Some(promise) = value
            .as_object()
            .and_then(|object| boa_engine::object::builtins::JsPromise::from_object(object).ok())
        else {
            return Ok(value.clone());
        };
        self.run_jobs()?;
        crate::commons::settled(&promise, &self.context)
            .unwrap_or_else(|| {
                Err(JsNativeError::typ()
                    .with_message("the promise never settled: no job is left that could settle it")
                    .into())
            })
            .map_err(|error| Error::from_js_in(error, &mut self.context))
    }

    /// The promises rejected so far that still have no handler (node's unhandled rejections),
    /// oldest first, each as the error it was rejected with; taking them forgets them. Call it
    /// after the jobs have run ([`Engine::run_jobs`], [`Engine::settle`]): a handler added in a
    /// later job takes a rejection off the list. The engine keeps the first 64 between two
    /// takes; `lockdown({unhandledRejectionTrapping: 'none'})` stops keeping them.
    ///
    /// ```
    /// use hardened::{CompartmentOptions, Engine};
    ///
    /// let mut engine = Engine::new()?;
    /// let guest = engine.new_compartment(CompartmentOptions::new())?;
    /// engine.evaluate_value(&guest, "Promise.reject(new TypeError('lost')); Promise.reject(1).catch(() => {})")?;
    /// engine.run_jobs()?;
    /// let lost = engine.take_unhandled_rejections();
    /// assert_eq!(lost.len(), 1);
    /// assert_eq!(lost[0].to_string(), "TypeError: lost");
    /// assert!(engine.take_unhandled_rejections().is_empty());
    /// # Ok::<(), hardened::Error>(())
    /// ```
    pub fn take_unhandled_rejections(&mut self) -> Vec<Error> {
        // One reason rejecting many promises is described once.
        let mut described: Vec<(JsValue, Error)> = Vec::new();
        for promise in crate::rejections::Rejections::take(&self.context) {
            let boa_engine::builtins::promise::PromiseState::Rejected(reason) = promise.state()
            else {
                continue;
            };
            let error = match described
                .iter()
                .find(|(seen, _)| seen.as_object().is_some() && JsValue::same_value(seen, &reason))
            {
                Some((_, error)) => error.clone(),
                None => Error::from_js_in(
                    boa_engine::JsError::from_opaque(reason.clone()),
                    &mut self.context,
                ),
            };
            described.push((reason, error));
        }
        described.into_iter().map(|(_, error)| error).collect()
    }

    /// Drops every queued promise job without running it: a worker ends each request with
    /// this, so that nothing one request queued runs in the next.
    pub(crate) fn discard_jobs(&mut self) {
        self.jobs.clear();
    }

    /// Runs every pending promise job.
    ///
    /// # Errors
    /// When a job fails with an uncatchable engine error.
    pub fn run_jobs(&mut self) -> Result<()> {
        self.guarded(Context::run_jobs)
    }

    /// Collects garbage now: everything no longer reachable, such as the compartments, modules
    /// and closures of dropped compartments, is freed. The engine also collects on its own as it
    /// allocates; this is for hosts that measure memory or want it back at a quiet moment.
    pub fn collect_garbage(&mut self) {
        crate::ownership::Owners::forget_cached(&self.context);
        boa_gc::force_collect();
        module::ModuleTable::get(&self.context).prune();
        crate::ownership::Owners::prune(&self.context);
    }

    /// The raw Boa context, for building values to endow (strings, functions, objects) and
    /// for reading results that run no guest code.
    ///
    /// It bypasses what every other method of the engine guarantees; anything that may run
    /// guest code (a getter, a setter, a proxy trap, a guest function, `toString`) should go
    /// through [`Engine::get`], [`Engine::set`], [`Engine::call`] or [`Engine::evaluate`]
    /// instead. Through the raw context:
    /// - no [`Limits`] apply: no timeout, no instruction budget, no native-stack bound, so a
    ///   guest setter's endless loop never ends;
    /// - a panic of Boa unwinds into the host instead of being contained (the engine is not
    ///   marked unusable), and a panic of the host's own endowments is not held back for the
    ///   engine call to raise: it unwinds through Boa's frames;
    /// - promise jobs queued there wait for the next engine call;
    /// - code it evaluates (`Context::eval`) belongs to no compartment: its global names fail
    ///   closed (`ReferenceError`), and it sees no compartment's `globalThis`.
    pub fn raw_context(&mut self) -> &mut Context {
        &mut self.context
    }
}

/// `compartment.import(specifier)` unboxed, with the jobs run until it settles.
fn import_in(
    context: &mut Context,
    record: &Gc<CompartmentRecord>,
    specifier: &str,
) -> JsResult<JsObject> {
    let promise = module::methods::import_promise(
        record.clone(),
        Ok((JsString::from(specifier), Language::JavaScript)),
        false,
        context,
    );
    context.run_jobs()?;
    let promise = promise
        .as_object()
        .and_then(|p| boa_engine::object::builtins::JsPromise::from_object(p).ok())
        .ok_or_else(|| JsNativeError::typ().with_message("import did not return a promise"))?;
    let namespace = crate::commons::settled(&promise, context).unwrap_or_else(|| {
        Err(JsNativeError::typ()
            .with_message(format!("the import of \"{specifier}\" never settled"))
            .into())
    })?;
    namespace.as_object().ok_or_else(|| {
        JsNativeError::typ()
            .with_message("a module namespace is not an object")
            .into()
    })
}
