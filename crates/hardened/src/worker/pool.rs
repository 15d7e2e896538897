//! The pool: supervised worker processes, handed out one request at a time, replaced when a
//! ceiling ends them.

use std::{
    ffi::OsString,
    io::{BufRead, BufReader, Read, Write},
    path::PathBuf,
    process::{Command, Stdio},
    sync::{
        Condvar, Mutex,
        atomic::{AtomicU64, Ordering},
        mpsc,
    },
    thread,
    time::Duration,
};

use serde_json::{Value as Json, json};

use super::{
    Ceiling,
    child::Watched,
    wire::{MAX_ERROR_TEXT, WORKER_ENV, error_from_json},
};
use crate::{Error, Limits, Result};

/// How long after the wall-clock ceiling the pool kills a worker whose engine has not stopped
/// the guest itself (the engine's own timeout is the ceiling, and leaves the worker usable).
const GRACE: Duration = Duration::from_millis(100);

/// How long a new worker may take to build and lock down its engine.
const STARTUP: Duration = Duration::from_secs(20);

/// The engine thread's stack when no memory ceiling bounds it.
const DEFAULT_STACK: u64 = 256 << 20;

/// A pool of supervised worker processes, each with one locked-down engine. Every request runs
/// in a fresh compartment, so requests never see each other's state; a request that runs into
/// a ceiling ends its worker, the caller gets [`Error::Limit`] and the pool starts a
/// replacement. A `Pool` is `Sync`: threads share it and each request takes a free worker.
///
/// The workers are this program run again: its `main` must call
/// [`serve_if_worker`](super::serve_if_worker) first (or set [`PoolBuilder::program`]).
///
/// ```no_run
/// use std::time::Duration;
/// use hardened::{Error, Limit, worker::{HostFunctions, Pool, serve_if_worker}};
///
/// fn main() -> Result<(), Error> {
///     serve_if_worker(HostFunctions::new());
///     let pool = Pool::builder()
///         .workers(2)
///         .max_memory(256 << 20)
///         .cpu_time(Duration::from_millis(500))
///         .timeout(Duration::from_secs(1))
///         .build()?;
///     assert_eq!(pool.evaluate("6 * 7")?, 42);
///     assert!(matches!(pool.evaluate("for (;;) {}"), Err(Error::Limit(Limit::Cpu))));
///     assert_eq!(pool.evaluate("1 + 1")?, 2); // a new worker
///     Ok(())
/// }
/// ```
pub struct Pool {
    config: Config,
    slots: Mutex<Slots>,
    freed: Condvar,
    next_id: AtomicU64,
}

/// Workers waiting for a request, and how many are serving one.
struct Slots {
    idle: Vec<Worker>,
    busy: usize,
}

/// What every worker of a pool is started with.
struct Config {
    program: Option<PathBuf>,
    args: Vec<OsString>,
    workers: usize,
    ceiling: Ceiling,
    requests_per_worker: usize,
    max_result: usize,
    /// The engine thread's stack in each worker.
    stack: u64,
    /// The configuration line each worker reads first.
    line: String,
}

/// Builds a [`Pool`]: see its documentation.
#[derive(Clone, Debug)]
pub struct PoolBuilder {
    program: Option<PathBuf>,
    args: Vec<OsString>,
    workers: usize,
    ceiling: Ceiling,
    limits: Limits,
    modules: Option<PathBuf>,
    globals: serde_json::Map<String, Json>,
    functions: Vec<String>,
    max_result: usize,
    requests_per_worker: usize,
}

impl Default for PoolBuilder {
    fn default() -> Self {
        Self {
            program: None,
            args: Vec::new(),
            workers: 1,
            ceiling: Ceiling::new(),
            limits: Limits::new(),
            modules: None,
            globals: serde_json::Map::new(),
            functions: Vec::new(),
            max_result: 4 << 20,
            requests_per_worker: 1000,
        }
    }
}

impl PoolBuilder {
    /// The program to run as a worker, with its arguments (default: the current executable,
    /// with none). It must call [`serve_if_worker`](super::serve_if_worker) first in `main`.
    #[must_use]
    pub fn program(mut self, program: impl Into<PathBuf>, args: &[OsString]) -> Self {
        self.program = Some(program.into());
        self.args = args.to_vec();
        self
    }

    /// How many workers run at once (default 1).
    #[must_use]
    pub fn workers(mut self, n: usize) -> Self {
        self.workers = n.max(1);
        self
    }

    /// Each worker's address-space ceiling in bytes ([`Ceiling::memory`]).
    #[must_use]
    pub fn max_memory(mut self, bytes: u64) -> Self {
        self.ceiling = self.ceiling.memory(bytes);
        self
    }

    /// CPU time one request may use ([`Ceiling::cpu`]).
    #[must_use]
    pub fn cpu_time(mut self, cpu: Duration) -> Self {
        self.ceiling = self.ceiling.cpu(cpu);
        self
    }

    /// Wall-clock time one request may take. The engine's own [`Limits::timeout`] is set to
    /// it, so code the engine can interrupt ends with [`Limit::Timeout`](crate::Limit) and
    /// the worker lives on; code it cannot interrupt ends with the worker, a moment later.
    #[must_use]
    pub fn timeout(mut self, wall: Duration) -> Self {
        self.ceiling = self.ceiling.wall(wall);
        self
    }

    /// In-engine limits for every request (loop iterations, recursion, pending jobs; the
    /// timeout comes from [`PoolBuilder::timeout`]).
    #[must_use]
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The directory [`Pool::call`] imports modules from (and nothing outside it).
    #[must_use]
    pub fn modules(mut self, directory: impl Into<PathBuf>) -> Self {
        self.modules = Some(directory.into());
        self
    }

    /// Endows every request's compartment with `value`, hardened, as global `name`.
    #[must_use]
    pub fn global(mut self, name: impl Into<String>, value: Json) -> Self {
        self.globals.insert(name.into(), value);
        self
    }

    /// Endows every request's compartment with the worker's host function `name` (one the
    /// worker offers to [`serve_if_worker`](super::serve_if_worker)).
    #[must_use]
    pub fn function(mut self, name: impl Into<String>) -> Self {
        self.functions.push(name.into());
        self
    }

    /// The largest result, as JSON text, a request may return (default 4 MiB); a larger one
    /// is an [`Error::Conversion`]. The pool's process holds the parsed result, which for many
    /// tiny objects takes up to about a hundred times the text's size.
    #[must_use]
    pub fn max_result(mut self, bytes: usize) -> Self {
        self.max_result = bytes;
        self
    }

    /// A worker is replaced after this many requests (default 1,000), which bounds what an
    /// engine keeps between requests (Boa 0.22 never frees module namespaces).
    #[must_use]
    pub fn requests_per_worker(mut self, n: usize) -> Self {
        self.requests_per_worker = n.max(1);
        self
    }

    /// Starts the workers. Each is started now, so a configuration the worker refuses (an
    /// unknown host function, a memory ceiling too small to start in) fails here.
    ///
    /// # Errors
    /// [`Error::Worker`] when a worker cannot be started.
    pub fn build(self) -> Result<Pool> {
        self.ceiling.check()?;
        let stack = self
            .ceiling
            .memory_value()
            .map_or(DEFAULT_STACK, |memory| (memory / 2).min(DEFAULT_STACK));
        let modules = match &self.modules {
            Some(directory) => Some(
                directory
                    .canonicalize()
                    .map_err(|error| {
                        Error::Worker(format!("module directory {}: {error}", directory.display()))
                    })?
                    .to_string_lossy()
                    .into_owned(),
            ),
            None => None,
        };
        let line = json!({
            "memory": self.ceiling.memory_value(),
            "stack": stack,
            "timeout_ms": self.ceiling.wall_value().map(|wall| wall.as_millis() as u64),
            "loop_iterations": self.limits.loop_iterations_value(),
            "recursion": self.limits.recursion_value(),
            "pending_jobs": self.limits.pending_jobs_value(),
            "modules": modules,
            "globals": self.globals,
            "functions": self.functions,
            "max_result": self.max_result,
        })
        .to_string();
        let config = Config {
            program: self.program,
            args: self.args,
            workers: self.workers,
            ceiling: self.ceiling,
            requests_per_worker: self.requests_per_worker,
            max_result: self.max_result,
            stack,
            line,
        };
        let mut idle = Vec::with_capacity(config.workers);
        for _ in 0..config.workers {
            idle.push(Worker::start(&config)?);
        }
        Ok(Pool {
            config,
            slots: Mutex::new(Slots { idle, busy: 0 }),
            freed: Condvar::new(),
            next_id: AtomicU64::new(0),
        })
    }
}

impl Pool {
    /// A builder with one worker and no ceilings.
    #[must_use]
    pub fn builder() -> PoolBuilder {
        PoolBuilder::default()
    }

    /// Evaluates `source` as a script in a fresh compartment; a promise it returns is awaited.
    /// The result comes back as JSON data (`undefined` as `null`).
    ///
    /// # Errors
    /// What [`Engine::evaluate`](crate::Engine::evaluate) returns, [`Error::Limit`] with
    /// [`Limit::Memory`](crate::Limit::Memory), [`Limit::Cpu`](crate::Limit::Cpu) or
    /// [`Limit::Timeout`](crate::Limit::Timeout) when a ceiling ended the worker, and
    /// [`Error::Worker`] when the worker died otherwise or none could be started.
    pub fn evaluate(&self, source: &str) -> Result<Json> {
        self.request(|id| json!({ "id": id, "evaluate": source }))
    }

    /// Imports `module` (a path under the pool's module directory) in a fresh compartment and
    /// calls its export `export` with `args`; a promise it returns is awaited.
    ///
    /// # Errors
    /// As [`Pool::evaluate`]; [`Error::Conversion`] when the export is not a function.
    pub fn call(&self, module: &str, export: &str, args: &[Json]) -> Result<Json> {
        self.request(|id| json!({ "id": id, "call": [module, export, args] }))
    }

    fn request(&self, request: impl FnOnce(u64) -> Json) -> Result<Json> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let mut worker = self.acquire()?;
        let (result, healthy) = worker.serve(id, &request(id).to_string(), &self.config);
        // Some memory outlives every request (Boa's symbol registry and parser interner), and
        // the allocator keeps some of what was freed: a worker that has mapped more than half
        // of what its ceiling leaves beside its stack, after collecting, is replaced before an
        // innocent request runs into the ceiling.
        let keep = healthy
            && worker.served < self.config.requests_per_worker
            && !self.config.ceiling.memory_value().is_some_and(|ceiling| {
                let threshold = ceiling / 2 + self.config.stack / 2;
                worker
                    .child
                    .mapped()
                    .is_none_or(|mapped| mapped > threshold)
            });
        let back = if keep {
            Some(worker)
        } else {
            drop(worker);
            // The caller whose request ended the worker pays for its replacement; if that
            // fails, the next request tries again.
            Worker::start(&self.config).ok()
        };
        self.release(back);
        result
    }

    fn acquire(&self) -> Result<Worker> {
        let mut slots = self.lock();
        loop {
            if let Some(worker) = slots.idle.pop() {
                slots.busy += 1;
                return Ok(worker);
            }
            if slots.busy < self.config.workers {
                // A worker that could not be replaced left its place empty.
                slots.busy += 1;
                drop(slots);
                return Worker::start(&self.config).inspect_err(|_| self.release(None));
            }
            slots = self
                .freed
                .wait(slots)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }

    fn release(&self, worker: Option<Worker>) {
        let mut slots = self.lock();
        slots.busy -= 1;
        slots.idle.extend(worker);
        self.freed.notify_one();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Slots> {
        self.slots
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// What a worker's output thread passes on: an answer line, or that a line was too long.
type Line = std::result::Result<Vec<u8>, usize>;

/// One worker process, its request pipe and its answers.
struct Worker {
    child: Watched,
    requests: std::process::ChildStdin,
    answers: mpsc::Receiver<Line>,
    served: usize,
}

impl Worker {
    fn start(config: &Config) -> Result<Self> {
        let program = match &config.program {
            Some(program) => program.clone(),
            None => std::env::current_exe()
                .map_err(|error| Error::Worker(format!("cannot find this program: {error}")))?,
        };
        let mut command = Command::new(&program);
        command
            .args(&config.args)
            .env(WORKER_ENV, "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped());
        let cannot = |error: std::io::Error| {
            Error::Worker(format!("cannot start {}: {error}", program.display()))
        };
        let mut child =
            Watched::spawn(&mut command, config.ceiling.memory_value(), false).map_err(cannot)?;
        let process = child.process();
        let (Some(mut requests), Some(output)) = (process.stdin.take(), process.stdout.take())
        else {
            return Err(Error::Worker("the worker's pipes are missing".into()));
        };
        // An answer is at most the result (JSON text already), the four error texts escaped
        // (six bytes for a control character) and the framing.
        let longest = config.max_result + 4 * 6 * MAX_ERROR_TEXT + 4096;
        let (sender, answers) = mpsc::channel();
        thread::spawn(move || read_answers(output, longest, &sender));
        writeln!(requests, "{}", config.line)
            .and_then(|()| requests.flush())
            .map_err(|_| child.ended())?;
        let mut worker = Self {
            child,
            requests,
            answers,
            served: 0,
        };
        match worker.wait(None, Some(STARTUP)) {
            Ok(ready) if ready.get("ready") == Some(&Json::Bool(true)) => Ok(worker),
            Ok(other) => Err(Error::Worker(format!("the worker did not start: {other}"))),
            Err(Error::Limit(crate::Limit::Timeout)) => Err(Error::Worker(format!(
                "the worker did not start within {} s",
                STARTUP.as_secs()
            ))),
            Err(Error::Limit(crate::Limit::Memory)) => Err(Error::Worker(
                "the worker cannot start under its memory ceiling".into(),
            )),
            Err(error) => Err(error),
        }
    }

    /// Sends one request and reads its answer; `false` when the worker cannot serve again.
    fn serve(&mut self, id: u64, request: &str, config: &Config) -> (Result<Json>, bool) {
        self.served += 1;
        if writeln!(self.requests, "{request}")
            .and_then(|()| self.requests.flush())
            .is_err()
        {
            return (Err(self.child.ended()), false);
        }
        let wall = config
            .ceiling
            .wall_value()
            .map(|wall| wall.saturating_add(GRACE));
        let answer = match self.wait(config.ceiling.cpu_value(), wall) {
            Ok(answer) => answer,
            Err(error) => return (Err(error), false),
        };
        let mut answer = answer;
        if answer.get("id").and_then(Json::as_u64) != Some(id) {
            self.child.kill();
            return (
                Err(Error::Worker(format!(
                    "answer to another request: {answer}"
                ))),
                false,
            );
        }
        match answer.get("error") {
            None => match answer.get_mut("ok") {
                Some(value) => (Ok(value.take()), true),
                None => (
                    Err(Error::Worker(format!("malformed answer: {answer}"))),
                    false,
                ),
            },
            Some(error) => {
                let error = error_from_json(error);
                let healthy = !matches!(error, Error::Unusable(_) | Error::Worker(_));
                (Err(error), healthy)
            }
        }
    }

    /// The next line the worker writes, as JSON, within the ceilings.
    fn wait(&mut self, cpu: Option<Duration>, wall: Option<Duration>) -> Result<Json> {
        let answers = &self.answers;
        let line = self
            .child
            .watch(cpu, wall, |_, slice| match answers.recv_timeout(slice) {
                Ok(line) => Some(Some(line)),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => Some(None),
            })
            .map_err(Error::Limit)?;
        match line {
            None => Err(self.child.ended()),
            Some(Err(longest)) => {
                self.child.kill();
                Err(Error::Worker(format!(
                    "the worker's answer is longer than {longest} bytes"
                )))
            }
            Some(Ok(bytes)) => serde_json::from_slice(&bytes).map_err(|error| {
                self.child.kill();
                Error::Worker(format!("unreadable answer from the worker: {error}"))
            }),
        }
    }
}

/// Passes on each line the worker writes, refusing (and then ignoring) one longer than
/// `longest` bytes without holding more of it.
fn read_answers(output: impl Read, longest: usize, sender: &mpsc::Sender<Line>) {
    let mut output = BufReader::new(output);
    loop {
        let mut line = Vec::new();
        match output
            .by_ref()
            .take(longest as u64 + 1)
            .read_until(b'\n', &mut line)
        {
            Ok(0) | Err(_) => return,
            Ok(_) if line.len() > longest => {
                let _ = sender.send(Err(longest));
                return;
            }
            Ok(_) => {
                if sender.send(Ok(line)).is_err() {
                    return;
                }
            }
        }
    }
}
