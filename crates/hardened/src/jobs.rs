//! The engine's job queue: promise jobs, Boa's native async jobs (module loading), and the two
//! things Boa's own executor lacks that compartments need.
//!
//! - **Synchronous loading.** `importNow` must load a module graph without running a single
//!   promise job. While [`Jobs::capture`] is active, async jobs are set aside instead of queued,
//!   and the caller polls them to completion on the spot ([`Jobs::drive_captured`]).
//! - **Stall detection.** A module hook may return a promise that never settles. Boa's executor
//!   would spin forever; here, when no job can make progress, the waits on hook promises fail
//!   with a clear error (which may let the waits behind them finish); if that changes nothing,
//!   every remaining wait fails.

use std::panic::{self, AssertUnwindSafe};
use std::{
    cell::{Cell, RefCell},
    collections::VecDeque,
    future::Future,
    pin::Pin,
    rc::Rc,
    task::{Context as TaskContext, Poll, Waker},
};

use crate::limits::Watch;
use boa_gc::{Finalize, Gc, GcRefCell, Trace};

use boa_engine::{
    Context, JsNativeError, JsResult, JsValue,
    job::{GenericJob, Job, JobExecutor, NativeAsyncJob, PromiseJob, TimeoutJob},
};

/// The job queues of one engine.
#[derive(Default)]
pub(crate) struct Jobs {
    /// The runaway-code watch, checked before every job.
    pub(crate) watch: Rc<Watch>,
    /// The most promise jobs that may wait (`Limits::pending_jobs`).
    pub(crate) pending_cap: Cell<Option<usize>>,
    promise: RefCell<VecDeque<PromiseJob>>,
    generic: RefCell<VecDeque<GenericJob>>,
    timeouts: RefCell<VecDeque<TimeoutJob>>,
    async_jobs: RefCell<VecDeque<NativeAsyncJob>>,
    /// Async jobs set aside while a synchronous load runs.
    captured: RefCell<Option<Vec<NativeAsyncJob>>>,
    /// How stuck the queue is: 0 while jobs progress, 1 once only waits remain (hook promises
    /// give up), 2 when that did not help either (every wait gives up).
    stalled: Rc<Cell<u8>>,
}

type Pending<'a> = Pin<Box<dyn Future<Output = JsResult<JsValue>> + 'a>>;

impl Jobs {
    /// The stall level [`SettledSlot`] waits read.
    pub(crate) fn stall_flag(&self) -> Rc<Cell<u8>> {
        self.stalled.clone()
    }

    /// Whether a synchronous load is running (module loads must use the synchronous hooks).
    pub(crate) fn is_capturing(&self) -> bool {
        self.captured.borrow().is_some()
    }

    /// Runs `f` with async jobs captured, then returns them instead of queueing them.
    pub(crate) fn capture<T>(
        this: &Rc<Self>,
        context: &mut Context,
        f: impl FnOnce(&mut Context) -> T,
    ) -> (T, Vec<NativeAsyncJob>) {
        let outer = this.captured.replace(Some(Vec::new()));
        let result = f(context);
        let captured = this.captured.replace(outer).unwrap_or_default();
        (result, captured)
    }

    /// Polls captured async jobs (and those they enqueue) to completion without running any
    /// promise job. A job that cannot finish synchronously is an error.
    pub(crate) fn drive_captured(
        this: &Rc<Self>,
        context: &mut Context,
        mut jobs: Vec<NativeAsyncJob>,
    ) -> JsResult<()> {
        let outer = this.captured.replace(Some(Vec::new()));
        let result = (|| {
            while !jobs.is_empty() {
                for job in jobs.drain(..) {
                    let cell = RefCell::new(&mut *context);
                    let mut future = job.call(&cell);
                    let poll = poll_host(Pin::new(&mut future));
                    drop(future);
                    match poll {
                        Err(payload) => {
                            return crate::host_panic::keep(&mut cell.borrow_mut(), payload);
                        }
                        Ok(Poll::Ready(result)) => {
                            result?;
                        }
                        Ok(Poll::Pending) => {
                            return Err(JsNativeError::typ()
                                .with_message(
                                    "a module could not be loaded synchronously (its load waits on a promise)",
                                )
                                .into());
                        }
                    }
                }
                jobs = this
                    .captured
                    .borrow_mut()
                    .as_mut()
                    .map(std::mem::take)
                    .unwrap_or_default();
            }
            Ok(())
        })();
        this.captured.replace(outer);
        result
    }

    fn is_idle(&self) -> bool {
        self.promise.borrow().is_empty()
            && self.generic.borrow().is_empty()
            && self.timeouts.borrow().is_empty()
            && self.async_jobs.borrow().is_empty()
    }

    pub(crate) fn clear(&self) {
        self.promise.borrow_mut().clear();
        self.generic.borrow_mut().clear();
        self.timeouts.borrow_mut().clear();
        self.async_jobs.borrow_mut().clear();
    }
}

impl JobExecutor for Jobs {
    fn enqueue_job(self: Rc<Self>, job: Job, _: &mut Context) {
        match job {
            Job::PromiseJob(job) => {
                let mut queue = self.promise.borrow_mut();
                if self.pending_cap.get().is_some_and(|cap| queue.len() >= cap) {
                    // The guest is stopped at its next global lookup or job: see `Watch`.
                    self.watch.overflow();
                    return;
                }
                queue.push_back(job);
            }
            Job::AsyncJob(job) => match &mut *self.captured.borrow_mut() {
                Some(captured) => captured.push(job),
                None => self.async_jobs.borrow_mut().push_back(job),
            },
            Job::GenericJob(job) => self.generic.borrow_mut().push_back(job),
            // No host timer API is installed; a timeout a host enqueues runs once the queue is
            // otherwise idle (there is no event loop to wait in).
            Job::TimeoutJob(job) => self.timeouts.borrow_mut().push_back(job),
            // Interval jobs come only from host timer APIs, which this engine does not install,
            // and FinalizationRegistry cleanups are optional (ECMA-262 §9.13): neither is kept.
            Job::IntervalJob(_) | Job::FinalizationRegistryCleanupJob(_) => {}
            _ => {}
        }
    }

    fn run_jobs(self: Rc<Self>, context: &mut Context) -> JsResult<()> {
        // Dynamic imports link (and so compile) modules inside jobs.
        crate::parse::with_room_for_any(|| self.drain(context))?
    }
}

/// Polls an async native's future once. Its code is the host's: a panic in it comes back as
/// the payload, for `host_panic::keep`.
fn poll_host<T, F: Future<Output = T> + ?Sized>(
    future: Pin<&mut F>,
) -> std::thread::Result<Poll<T>> {
    panic::catch_unwind(AssertUnwindSafe(|| {
        future.poll(&mut TaskContext::from_waker(Waker::noop()))
    }))
}

impl Jobs {
    fn drain(self: Rc<Self>, context: &mut Context) -> JsResult<()> {
        let cell = RefCell::new(context);
        let mut waiting: Vec<Pending<'_>> = Vec::new();
        let result = (|| {
            loop {
                let mut progressed = false;
                let fresh: Vec<_> = self.async_jobs.borrow_mut().drain(..).collect();
                for job in fresh {
                    waiting.push(Box::pin(job.call(&cell)));
                }
                let mut index = 0;
                while index < waiting.len() {
                    let poll = match poll_host(waiting[index].as_mut()) {
                        Ok(poll) => poll,
                        Err(payload) => {
                            drop(waiting.swap_remove(index));
                            return crate::host_panic::keep(&mut cell.borrow_mut(), payload);
                        }
                    };
                    match poll {
                        Poll::Ready(result) => {
                            drop(waiting.swap_remove(index));
                            progressed = true;
                            result?;
                        }
                        Poll::Pending => index += 1,
                    }
                }
                loop {
                    let job = self.promise.borrow_mut().pop_front();
                    let Some(job) = job else { break };
                    progressed = true;
                    self.watch.check()?;
                    crate::limits::check_budget(&cell.borrow())?;
                    job.call(&mut cell.borrow_mut())?;
                }
                let generic: Vec<_> = self.generic.borrow_mut().drain(..).collect();
                for job in generic {
                    progressed = true;
                    self.watch.check()?;
                    crate::limits::check_budget(&cell.borrow())?;
                    job.call(&mut cell.borrow_mut())?;
                }
                self.watch.check()?;
                crate::limits::check_budget(&cell.borrow())?;
                if !progressed && self.async_jobs.borrow().is_empty() {
                    let timeout = self.timeouts.borrow_mut().pop_front();
                    if let Some(job) = timeout {
                        job.call(&mut cell.borrow_mut())?;
                        continue;
                    }
                    if waiting.is_empty() || self.stalled.get() == 2 {
                        return Ok(());
                    }
                    // Nothing can settle what the remaining futures wait for: let them fail.
                    self.stalled.set(self.stalled.get() + 1);
                    continue;
                }
                self.stalled.set(0);
                cell.borrow_mut().clear_kept_objects();
            }
        })();
        self.stalled.set(0);
        drop(waiting);
        if result.is_err() {
            self.clear();
        }
        debug_assert!(result.is_err() || self.is_idle());
        result
    }
}

/// A one-shot result shared between a producer and any number of waiting futures.
///
/// A collected object (a promise reaction, a compartment record whose load is in flight) may
/// hold the last handle to a slot, so the slot lives in the collected heap and its value is
/// traced: boa_gc frees what a collected object holds only through traced fields, and a value
/// held untraced by an object it sweeps would stay rooted for ever.
#[derive(Trace, Finalize)]
pub(crate) struct SettledSlot<T: Trace + 'static> {
    value: GcRefCell<Option<JsResult<T>>>,
    #[unsafe_ignore_trace]
    stalled: Rc<Cell<u8>>,
    /// At which stall level the wait gives up: 1 for promises guest hooks returned, 2 for the
    /// engine's own (which settle once what they wait on does).
    #[unsafe_ignore_trace]
    gives_up_at: u8,
    #[unsafe_ignore_trace]
    what: String,
}

impl<T: Trace + Clone + 'static> SettledSlot<T> {
    pub(crate) fn new(stalled: Rc<Cell<u8>>, what: String, from_guest: bool) -> Gc<Self> {
        Gc::new(Self {
            value: GcRefCell::new(None),
            stalled,
            gives_up_at: if from_guest { 1 } else { 2 },
            what,
        })
    }

    pub(crate) fn settle(&self, value: JsResult<T>) {
        self.value.borrow_mut().get_or_insert(value);
    }

    /// The settled value, or `None` while pending.
    pub(crate) fn peek(&self) -> Option<JsResult<T>> {
        self.value.borrow().clone()
    }

    /// Waits for the value; fails once the job queue has stalled with this still pending.
    pub(crate) fn wait(this: Gc<Self>) -> impl Future<Output = JsResult<T>> {
        std::future::poll_fn(move |_| {
            if let Some(value) = this.peek() {
                return Poll::Ready(value);
            }
            if this.stalled.get() >= this.gives_up_at {
                return Poll::Ready(Err(JsNativeError::typ()
                    .with_message(format!("{} never settled", this.what))
                    .into()));
            }
            Poll::Pending
        })
    }
}

/// A slot settled by `promise`'s reactions.
pub(crate) fn promise_slot(
    promise: &boa_engine::object::builtins::JsPromise,
    what: String,
    from_guest: bool,
    context: &mut Context,
) -> JsResult<Gc<SettledSlot<JsValue>>> {
    use boa_engine::{JsArgs, JsError, NativeFunction, object::FunctionObjectBuilder};
    let stalled = jobs(context).stall_flag();
    let slot = SettledSlot::new(stalled, what, from_guest);
    let reaction = |fulfilled: bool, slot: Gc<SettledSlot<JsValue>>, context: &mut Context| {
        let function = NativeFunction::from_copy_closure_with_captures(
            |_, args, reaction: &Reaction, _| {
                let value = args.get_or_undefined(0).clone();
                reaction.slot.settle(if reaction.fulfilled {
                    Ok(value)
                } else {
                    Err(JsError::from_opaque(value))
                });
                Ok(JsValue::undefined())
            },
            Reaction { slot, fulfilled },
        );
        FunctionObjectBuilder::new(context.realm(), function).build()
    };
    let on_fulfilled = reaction(true, slot.clone(), context);
    let on_rejected = reaction(false, slot.clone(), context);
    promise.then(Some(on_fulfilled), Some(on_rejected), context)?;
    Ok(slot)
}

/// What a promise reaction settles.
#[derive(boa_gc::Trace, boa_gc::Finalize)]
struct Reaction {
    slot: Gc<SettledSlot<JsValue>>,
    #[unsafe_ignore_trace]
    fulfilled: bool,
}

/// The engine's job queue.
pub(crate) fn jobs(context: &Context) -> Rc<Jobs> {
    context
        .get_data::<JobsHandle>()
        .map(|handle| handle.0.clone())
        .expect("the job queue is installed when the engine is built")
}

/// Keeps the job queue reachable from the context's host data.
#[derive(boa_gc::Trace, boa_gc::Finalize)]
pub(crate) struct JobsHandle(#[unsafe_ignore_trace] pub(crate) Rc<Jobs>);
