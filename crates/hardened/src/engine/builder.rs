//! Engine-wide settings, fixed when the engine is built.

use std::rc::Rc;

use super::Engine;
use crate::{CompartmentOptions, LockdownOptions, Result, limits::Limits};

/// Where lockdown's warnings go.
type WarningSink = dyn Fn(&str);

/// Builds an [`Engine`] with its engine-wide settings: the start compartment, default
/// limits, namespace boxing, where lockdown's warnings go, and lockdown itself.
///
/// ```
/// use std::{cell::RefCell, rc::Rc};
/// use hardened::{CompartmentOptions, Engine, Limits, LockdownOptions};
///
/// let warnings = Rc::new(RefCell::new(Vec::new()));
/// let sink = warnings.clone();
/// let mut engine = Engine::builder()
///     .start_compartment(CompartmentOptions::new().global("version", 2))
///     .limits(Limits::new().loop_iterations(1_000_000))
///     .namespace_box(false)
///     .on_warning(move |warning| sink.borrow_mut().push(warning.to_owned()))
///     .lockdown(LockdownOptions::default())
///     .build()?;
/// let guest = engine.new_compartment(CompartmentOptions::new())?;
/// assert!(engine.evaluate::<bool>(&guest, "Object.isFrozen(Array.prototype)")?);
/// let start = engine.start_compartment().clone();
/// assert_eq!(engine.evaluate::<i32>(&start, "version")?, 2);
/// # Ok::<(), hardened::Error>(())
/// ```
#[must_use]
pub struct EngineBuilder {
    start: CompartmentOptions,
    limits: Limits,
    namespace_box: bool,
    warnings: Option<Rc<WarningSink>>,
    lockdown: Option<LockdownOptions>,
    #[cfg(feature = "metering")]
    instructions: Option<u64>,
}

impl Default for EngineBuilder {
    fn default() -> Self {
        Self {
            start: CompartmentOptions::new(),
            limits: Limits::default(),
            namespace_box: true,
            warnings: None,
            lockdown: None,
            #[cfg(feature = "metering")]
            instructions: None,
        }
    }
}

impl EngineBuilder {
    /// The start compartment's options: endowments, and the module map, hooks or
    /// [`ModuleDirectory`](crate::ModuleDirectory) its `import()` and
    /// [`Engine::import`] load from. Unnamed, it is called `"start"`.
    pub fn start_compartment(mut self, options: CompartmentOptions) -> Self {
        self.start = options;
        self
    }

    /// The limits every call into the engine runs under, until [`Engine::set_limits`]
    /// changes them.
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// What `compartment.import()` resolves to in compartments that do not choose
    /// ([`CompartmentOptions::namespace_box`]): `{namespace}` (`true`, the SES shim's
    /// default) or the namespace itself (`false`, XS's behaviour).
    pub fn namespace_box(mut self, boxed: bool) -> Self {
        self.namespace_box = boxed;
        self
    }

    /// Receives lockdown's warnings as they happen (`Removing intrinsics.x`, override
    /// debugging; see [`LockdownOptions::reporting`]), also when guest code calls
    /// `lockdown()`. Without a sink they are only returned in the
    /// [`LockdownReport`](crate::LockdownReport): the library writes nothing to stderr.
    pub fn on_warning(mut self, sink: impl Fn(&str) + 'static) -> Self {
        self.warnings = Some(Rc::new(sink));
        self
    }

    /// Locks the engine down as it is built ([`Engine::lockdown`]), after the start
    /// compartment is made.
    pub fn lockdown(mut self, options: LockdownOptions) -> Self {
        self.lockdown = Some(options);
        self
    }

    /// Lets the engine execute at most `instructions` bytecode instructions in its whole life,
    /// counted from when it is built (its own setup, lockdown and every guest's code; natives
    /// run unmetered). The count is deterministic: the same calls with the same sources use
    /// the same number. Past the budget guest code stops with
    /// [`Limit::Instructions`](crate::Limit::Instructions), which it cannot catch, and so
    /// does every later call: Boa 0.22 sets the budget only when its context is built and has
    /// no way to add to it, so a spent engine is replaced, not refilled.
    ///
    /// Needs the `metering` cargo feature, which turns on Boa's `fuzz` feature: every Boa
    /// context in the same build then counts instructions, and one built outside this crate
    /// starts with a budget of 0 (docs/security.md, Resource limits).
    ///
    /// ```
    /// use hardened::{CompartmentOptions, Engine, Error, Limit};
    ///
    /// let mut engine = Engine::builder().instructions(1_000_000).build()?;
    /// let guest = engine.new_compartment(CompartmentOptions::new())?;
    /// let stopped = engine.evaluate::<()>(&guest, "try { for (;;) {} } catch { 'caught' }");
    /// assert!(matches!(stopped, Err(Error::Limit(Limit::Instructions))));
    /// assert_eq!(engine.instructions_remaining(), 0);
    /// # Ok::<(), hardened::Error>(())
    /// ```
    #[cfg(feature = "metering")]
    pub fn instructions(mut self, instructions: u64) -> Self {
        self.instructions = Some(instructions);
        self
    }

    /// Builds the engine.
    ///
    /// # Errors
    /// If Boa fails to build its context, an endowment or module descriptor of the start
    /// compartment is refused, or lockdown fails.
    pub fn build(self) -> Result<Engine> {
        #[cfg(feature = "metering")]
        let instructions = self.instructions;
        #[cfg(not(feature = "metering"))]
        let instructions = None;
        let mut engine = Engine::build(self.start, instructions)?;
        crate::module::ModuleTable::get(&engine.context)
            .unboxed_by_default
            .set(!self.namespace_box);
        if let Some(sink) = self.warnings {
            engine
                .context
                .insert_data(crate::lockdown::WarningSink(sink));
        }
        if let Some(options) = self.lockdown {
            engine.lockdown(options)?;
        }
        // The limits are for guest code: lockdown's own work does not count against them.
        engine.set_limits(self.limits);
        Ok(engine)
    }
}
