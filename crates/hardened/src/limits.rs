//! Bounds on runaway guest code, set per engine and counted per call into it.
//!
//! | limit | mechanism | what it stops |
//! |---|---|---|
//! | [`Limits::loop_iterations`] | Boa's per-frame loop counter (all loops of one call together) | a call whose loops run too long (`for(;;){}`) |
//! | [`Limits::recursion`] | Boa's call-depth limit | unbounded recursion |
//! | [`Limits::timeout`] | a deadline checked before every promise job and on every global-name lookup and evaluator call | loops spread over many calls or jobs, promise chains, long computations that touch any global |
//! | [`Limits::pending_jobs`] | a cap on the promise-job queue | unbounded promise fan-out |
//! | [`InterruptHandle::interrupt`] | a flag another thread sets, checked where the deadline is | whatever the host decides to stop (Ctrl+C in `compartment-run`'s REPL) |
//!
//! Each is reported as an [`Error::Limit`](crate::Error::Limit) that guest code cannot catch,
//! and the engine stays usable. What none of these can interrupt: a single native operation
//! that runs long (catastrophic regular-expression backtracking, `Array.from({length: 1e9})`),
//! a parse that takes minutes, a tight loop that touches no global when only a timeout is set
//! (pair the timeout with a loop-iteration limit), or memory that grows a little at a time. A
//! host that must bound those runs guest code in a supervised worker process
//! ([`worker`](crate::worker)), as `compartment-run --max-memory/--max-cpu/--timeout` does. See
//! `docs/security.md`, Resource limits.

use std::{
    cell::Cell,
    rc::Rc,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::{Duration, Instant},
};

use boa_engine::{Context, JsError, JsResult};

/// Runaway-code limits for an [`Engine`](crate::Engine): see the module documentation.
///
/// ```
/// use hardened::{CompartmentOptions, Engine, Error, Limit, Limits};
///
/// let mut engine = Engine::new()?;
/// engine.set_limits(Limits::new().loop_iterations(1_000_000).recursion(256));
/// let guest = engine.new_compartment(CompartmentOptions::new())?;
/// let stopped = engine.evaluate::<()>(&guest, "try { for (;;) {} } catch { 'caught' }");
/// assert!(matches!(stopped, Err(Error::Limit(Limit::LoopIterations))));
/// assert_eq!(engine.evaluate::<i32>(&guest, "1 + 1")?, 2); // still usable
/// # Ok::<(), hardened::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Limits {
    loop_iterations: Option<u64>,
    recursion: Option<usize>,
    timeout: Option<Duration>,
    pending_jobs: Option<usize>,
    native_stack: Option<usize>,
}

impl Limits {
    /// No limits beyond Boa's defaults (recursion depth 512).
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// At most `n` loop iterations in one call frame (a function call, or an evaluation's top
    /// level), all its loops counted together: Boa's counter is per frame and is never reset,
    /// so two loops of 600 iterations in one function reach a limit of 1000.
    #[must_use]
    pub fn loop_iterations(mut self, n: u64) -> Self {
        self.loop_iterations = Some(n);
        self
    }

    /// At most `n` nested calls.
    #[must_use]
    pub fn recursion(mut self, n: usize) -> Self {
        self.recursion = Some(n);
        self
    }

    /// Each call into the engine (`evaluate`, `import`, `run_jobs`...) may run this long.
    ///
    /// The clock is read whenever guest code reads a global name, evaluates a source or runs a
    /// promise job, and as the replaced builtins (`join`, `JSON.stringify`, `apply`...) loop;
    /// calling a builtin does not read it. A loop that does none of these (`for (;;) {}`, or
    /// `for (;;) f()` with `f` a local) cannot be stopped by the timeout:
    /// [`Limits::loop_iterations`] stops it, and a supervised worker's CPU ceiling
    /// ([`crate::worker::Pool`]) stops anything.
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// At most `bytes` of native stack per call into the engine, measured from the call (256 MiB
    /// unless set). Natives that run guest code nest native frames (`String` of a deeply nested
    /// array, a proxy whose target inherits from it); past this they stop with
    /// [`Limit::Recursion`], as they do near the end of the thread's own stack. Raise it for
    /// guests that build very deep structures on a thread with a large stack.
    #[must_use]
    pub fn native_stack(mut self, bytes: usize) -> Self {
        self.native_stack = Some(bytes);
        self
    }

    /// At most `n` promise jobs may wait in the queue.
    #[must_use]
    pub fn pending_jobs(mut self, n: usize) -> Self {
        self.pending_jobs = Some(n);
        self
    }

    pub(crate) fn apply(&self, context: &mut Context) {
        let runtime = context.runtime_limits_mut();
        match self.loop_iterations {
            Some(n) => runtime.set_loop_iteration_limit(n),
            None => runtime.disable_loop_iteration_limit(),
        }
        runtime.set_recursion_limit(self.recursion.unwrap_or(DEFAULT_RECURSION));
    }

    pub(crate) fn timeout_value(&self) -> Option<Duration> {
        self.timeout
    }

    pub(crate) fn loop_iterations_value(&self) -> Option<u64> {
        self.loop_iterations
    }

    pub(crate) fn recursion_value(&self) -> Option<usize> {
        self.recursion
    }

    pub(crate) fn pending_jobs_value(&self) -> Option<usize> {
        self.pending_jobs
    }

    pub(crate) fn native_stack_value(&self) -> usize {
        self.native_stack.unwrap_or(crate::stack::DEFAULT_DEPTH)
    }
}

/// Boa's default call-depth limit.
const DEFAULT_RECURSION: usize = 512;

/// A limit guest code ran into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Limit {
    /// A loop ran more iterations than [`Limits::loop_iterations`] allows.
    #[error("a loop exceeded the iteration limit")]
    LoopIterations,
    /// Calls nested deeper than [`Limits::recursion`] allows.
    #[error("calls exceeded the recursion limit")]
    Recursion,
    /// The VM's value stack is full.
    #[error("the VM stack is full")]
    StackSize,
    /// The call into the engine ran longer than [`Limits::timeout`].
    #[error("the evaluation ran longer than its timeout")]
    Timeout,
    /// More promise jobs were queued than [`Limits::pending_jobs`] allows.
    #[error("too many pending promise jobs")]
    PendingJobs,
    /// Memory ran out: a supervised worker reached its memory ceiling and was ended
    /// ([`worker`](crate::worker)), or the engine could not map a stack segment for a parse
    /// (the call stops; the engine stays usable).
    #[error("memory ran out (the memory ceiling was reached)")]
    Memory,
    /// A supervised worker used more CPU time on one request than its ceiling allows and was
    /// ended ([`worker`](crate::worker)).
    #[error("the worker exceeded its CPU-time ceiling")]
    Cpu,
    /// A metered engine executed its whole instruction budget (`EngineBuilder::instructions`, with the
    /// `metering` feature).
    #[error("the engine's instruction budget is spent")]
    Instructions,
    /// The host interrupted the call through an [`InterruptHandle`].
    #[error("the evaluation was interrupted")]
    Interrupted,
}

impl Limit {
    /// The uncatchable error that stops guest code for this limit.
    pub(crate) fn error(self) -> JsError {
        crate::boa::uncatchable::uncatchable(&format!("{self:?}"))
    }

    /// The limit an engine error stands for, if any.
    pub(crate) fn of(error: &JsError) -> Option<Self> {
        use boa_engine::error::{EngineError, RuntimeLimitError};
        match error.as_engine()? {
            EngineError::RuntimeLimit(RuntimeLimitError::LoopIteration) => {
                Some(Self::LoopIterations)
            }
            EngineError::RuntimeLimit(RuntimeLimitError::Recursion) => Some(Self::Recursion),
            EngineError::RuntimeLimit(RuntimeLimitError::StackSize) => Some(Self::StackSize),
            #[cfg(feature = "metering")]
            EngineError::NoInstructionsRemain => Some(Self::Instructions),
            EngineError::Panic(_) => match crate::boa::uncatchable::uncatchable_tag(error)? {
                "Timeout" => Some(Self::Timeout),
                "PendingJobs" => Some(Self::PendingJobs),
                "Memory" => Some(Self::Memory),
                "Instructions" => Some(Self::Instructions),
                "Interrupted" => Some(Self::Interrupted),
                _ => None,
            },
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }
}

/// Fails once a metered engine's instruction budget is spent. Boa drops a limit error in some
/// paths (an `await` continuation discards its generator's completion, module loading keeps
/// only its first failure), after which guest code would go on in other jobs: the budget is
/// checked again wherever the engine hands control back to us.
#[inline]
pub(crate) fn check_budget(context: &Context) -> JsResult<()> {
    #[cfg(feature = "metering")]
    if context.instructions_remaining() == 0 {
        return Err(Limit::Instructions.error());
    }
    let _ = context;
    Ok(())
}

/// The tag of the uncatchable error that ends a halted call ([`Watch::halt`]).
const HALTED: &str = "HostPanic";

/// The uncatchable error that ends a halted call.
pub(crate) fn halted() -> JsError {
    crate::boa::uncatchable::uncatchable(HALTED)
}

/// Keeps the engine's [`Watch`] in the context's host data.
pub(crate) struct WatchHandle(pub(crate) Rc<Watch>);

/// What the dispatch and the job queue check while guest code runs: the deadline of the current
/// call into the engine, and whether the promise-job queue overflowed.
#[derive(Default)]
pub(crate) struct Watch {
    deadline: Cell<Option<Instant>>,
    overflowed: Cell<bool>,
    /// The call met a host panic: nothing more of it may run.
    halted: Cell<bool>,
    /// Set by an [`InterruptHandle`], from any thread.
    interrupted: Arc<AtomicBool>,
}

/// Stops the engine call that is running, from any thread: the call ends with
/// [`Limit::Interrupted`] at its next check, where a [`Limits::timeout`] would be noticed
/// (a global-name lookup, a builtin or evaluator call, a promise job). Guest code cannot catch
/// it, and the engine stays usable; the promise jobs queued when it stops are dropped with it
/// (what they would have settled stays pending). Each call into the engine starts uninterrupted, so an
/// interrupt made while no call runs is forgotten; a loop that makes none of those checks
/// (`for (;;) {}`) is not stopped (pair it with [`Limits::loop_iterations`], or run the guest
/// in a supervised worker).
///
/// ```
/// use hardened::{CompartmentOptions, Engine, Error, Limit};
///
/// let mut engine = Engine::new()?;
/// let guest = engine.new_compartment(CompartmentOptions::new())?;
/// let handle = engine.interrupt_handle();
/// let stopper = std::thread::spawn(move || {
///     std::thread::sleep(std::time::Duration::from_millis(50));
///     handle.interrupt();
/// });
/// // The loop reads a global name (`Math`) on every turn, so it notices the interrupt.
/// let stopped = engine.evaluate::<()>(&guest, "try { for (;;) Math.abs(1) } catch { 'caught' }");
/// assert!(matches!(stopped, Err(Error::Limit(Limit::Interrupted))));
/// stopper.join().unwrap();
/// assert_eq!(engine.evaluate::<i32>(&guest, "6 * 7")?, 42); // the next call runs
/// # Ok::<(), hardened::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct InterruptHandle(Arc<AtomicBool>);

impl InterruptHandle {
    /// Asks the running engine call to stop at its next check.
    pub fn interrupt(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

impl Watch {
    /// The engine's watch, kept in the context's host data (the engine puts the one its job
    /// queue and dispatch hold there).
    pub(crate) fn get(context: &Context) -> Rc<Self> {
        context
            .get_data::<WatchHandle>()
            .map(|handle| handle.0.clone())
            .expect("the watch is installed when the engine is built")
    }

    /// Starts a call into the engine (`None`: no deadline, as between calls).
    pub(crate) fn arm(&self, timeout: Option<Duration>) {
        self.deadline
            .set(timeout.and_then(|timeout| Instant::now().checked_add(timeout)));
        self.overflowed.set(false);
        self.halted.set(false);
        self.interrupted.store(false, Ordering::Relaxed);
    }

    /// A handle that interrupts the engine's calls from any thread.
    pub(crate) fn interrupt_handle(&self) -> InterruptHandle {
        InterruptHandle(self.interrupted.clone())
    }

    /// Ends the rest of the call: every later check fails, and Boa's own limits stop any
    /// call and loop iteration (the engine re-applies its [`Limits`] before its next call).
    pub(crate) fn halt(&self, context: &mut Context) {
        self.halted.set(true);
        let runtime = context.runtime_limits_mut();
        runtime.set_recursion_limit(0);
        runtime.set_loop_iteration_limit(0);
    }

    pub(crate) fn overflow(&self) {
        self.overflowed.set(true);
    }

    /// Fails once the deadline has passed or the job queue overflowed.
    #[inline]
    pub(crate) fn check(&self) -> JsResult<()> {
        if self.halted.get() {
            return Err(halted());
        }
        if self.overflowed.get() {
            return Err(Limit::PendingJobs.error());
        }
        if self.interrupted.load(Ordering::Relaxed) {
            return Err(Limit::Interrupted.error());
        }
        match self.deadline.get() {
            Some(deadline) if Instant::now() >= deadline => Err(Limit::Timeout.error()),
            _ => Ok(()),
        }
    }
}
