//! The supervisor's side of a child process: the memory ceiling it is started under, the
//! deadlines that end it, and what its end means.

use std::{
    io::{self, Read, Write},
    os::unix::process::ExitStatusExt,
    process::{Child, Command, ExitStatus, Stdio},
    sync::{Arc, Mutex},
    thread,
    time::{Duration, Instant},
};

use crate::{Error, Limit};

/// Tells a child that it runs supervised, and under which memory ceiling (`none` or bytes).
const SUPERVISED_ENV: &str = "HARDENED_SUPERVISED_MEMORY";
/// The supervisor's process id: a process whose parent is another one (a grandchild that
/// inherited the environment) is not the supervised child.
const SUPERVISOR_ENV: &str = "HARDENED_SUPERVISOR";

/// How often the watchdog looks at the child while it waits.
pub(crate) const POLL: Duration = Duration::from_millis(5);

/// How much of the child's standard error is kept to explain how it ended.
const TAIL: usize = 16 << 10;

/// What a supervised child may use: an address-space ceiling for its life, and CPU time and
/// wall-clock time per request (per run for [`supervise`]).
///
/// ```
/// use std::time::Duration;
/// use hardened::worker::Ceiling;
///
/// let ceiling = Ceiling::new()
///     .memory(256 << 20)
///     .cpu(Duration::from_millis(500))
///     .wall(Duration::from_secs(2));
/// assert_eq!(ceiling.memory_value(), Some(256 << 20));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ceiling {
    memory: Option<u64>,
    cpu: Option<Duration>,
    wall: Option<Duration>,
}

impl Ceiling {
    /// No ceiling.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The address space the child may map, in bytes (`RLIMIT_AS`, applied by the child before
    /// it runs anything). Address space is more than the heap: it includes the executable and
    /// the engine thread's whole stack, which a pool worker and `compartment-run` make half the
    /// ceiling (so that deep data cannot outgrow the stack), so leave room: 48 MiB is about the
    /// least a small guest starts in. An allocation past it ends the child with
    /// [`Limit::Memory`].
    #[must_use]
    pub fn memory(mut self, bytes: u64) -> Self {
        self.memory = Some(bytes);
        self
    }

    /// CPU time (user and system, all threads) one request may use; past it the child is
    /// killed with [`Limit::Cpu`]. Read from `/proc` every few milliseconds (Linux only).
    #[must_use]
    pub fn cpu(mut self, cpu: Duration) -> Self {
        self.cpu = Some(cpu);
        self
    }

    /// Wall-clock time one request may take; past it the child is killed with
    /// [`Limit::Timeout`].
    #[must_use]
    pub fn wall(mut self, wall: Duration) -> Self {
        self.wall = Some(wall);
        self
    }

    /// The memory ceiling in bytes.
    #[must_use]
    pub fn memory_value(&self) -> Option<u64> {
        self.memory
    }

    /// The CPU-time ceiling.
    #[must_use]
    pub fn cpu_value(&self) -> Option<Duration> {
        self.cpu
    }

    /// The wall-clock ceiling.
    #[must_use]
    pub fn wall_value(&self) -> Option<Duration> {
        self.wall
    }

    pub(crate) fn check(&self) -> Result<(), Error> {
        if self.cpu.is_some() && cpu_time(std::process::id()).is_none() {
            return Err(Error::Worker(
                "a CPU-time ceiling needs /proc/<pid>/stat (Linux)".into(),
            ));
        }
        Ok(())
    }
}

/// What a process started by [`supervise`] learns about itself from [`enter_ceiling`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Supervised {
    /// The address-space ceiling now in force, in bytes.
    pub memory: Option<u64>,
}

/// Called first thing in `main` by a program that supervises itself (as `compartment-run`
/// does): in the child that [`supervise`] started, applies the memory ceiling before anything
/// else runs and returns `Some`; in any other process returns `None` and does nothing.
///
/// # Errors
/// When the ceiling cannot be applied (the child must then not run guest code).
pub fn enter_ceiling() -> io::Result<Option<Supervised>> {
    let Some(value) = std::env::var_os(SUPERVISED_ENV) else {
        return Ok(None);
    };
    if !child_of_supervisor()? {
        return Ok(None);
    }
    let memory = match value.to_str() {
        Some("none") => None,
        Some(bytes) => Some(
            bytes
                .parse::<u64>()
                .map_err(|_| io::Error::other(format!("{SUPERVISED_ENV} is not a byte count")))?,
        ),
        None => return Err(io::Error::other(format!("{SUPERVISED_ENV} is not text"))),
    };
    if let Some(bytes) = memory {
        rlimit::setrlimit(rlimit::Resource::AS, bytes, bytes)?;
    }
    Ok(Some(Supervised { memory }))
}

/// Whether this process is the child its supervisor started; if so, it is also made to end
/// with its supervisor (a child left running would be bounded by nothing).
pub(crate) fn child_of_supervisor() -> io::Result<bool> {
    let supervisor = std::env::var(SUPERVISOR_ENV)
        .ok()
        .and_then(|pid| pid.parse::<u32>().ok());
    if supervisor != Some(std::os::unix::process::parent_id()) {
        return Ok(false);
    }
    // Ends this process once the supervisor is gone (the child is then re-parented).
    // `PR_SET_PDEATHSIG` would not do: it fires when the *thread* that spawned the child
    // ends, and a pool's workers are spawned by whichever host thread needed one.
    std::thread::Builder::new()
        .name("supervisor watch".into())
        .stack_size(64 << 10)
        .spawn(move || {
            while supervisor == Some(std::os::unix::process::parent_id()) {
                std::thread::sleep(ORPHAN_POLL);
            }
            std::process::exit(1);
        })?;
    Ok(true)
}

/// How often a supervised child checks that its supervisor is still there.
const ORPHAN_POLL: Duration = Duration::from_millis(100);

/// How a supervised run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Supervision {
    /// The child exited by itself with this code.
    Exited(i32),
    /// The child was stopped by its ceiling: [`Limit::Timeout`], [`Limit::Cpu`] or
    /// [`Limit::Memory`].
    Stopped(Limit),
    /// The child died otherwise (a signal, a crash); the text says how, with the end of its
    /// standard error.
    Crashed(String),
}

/// Runs `command` as a supervised child under `ceiling` and waits for it. The child inherits
/// standard input and output; its standard error is passed through (and its end kept, to tell
/// an exhausted memory ceiling from a crash). The child must call [`enter_ceiling`] first.
///
/// # Errors
/// When the child cannot be started or waited for, or the CPU ceiling is not supported here.
pub fn supervise(mut command: Command, ceiling: &Ceiling) -> io::Result<Supervision> {
    ceiling.check().map_err(io::Error::other)?;
    let mut child = Watched::spawn(&mut command, ceiling.memory, true)?;
    let exited = child.watch(ceiling.cpu, ceiling.wall, |process, slice| {
        match process.try_wait() {
            Ok(Some(status)) => Some(Ok(status)),
            Ok(None) => {
                thread::sleep(slice);
                None
            }
            Err(error) => Some(Err(error)),
        }
    });
    Ok(match exited {
        Err(limit) => Supervision::Stopped(limit),
        Ok(Err(error)) => return Err(error),
        Ok(Ok(status)) => match status.code() {
            Some(code) => {
                // Everything the child wrote to standard error is passed on before we return.
                child.join_drain();
                Supervision::Exited(code)
            }
            None => match child.ended() {
                Error::Limit(limit) => Supervision::Stopped(limit),
                other => Supervision::Crashed(other.to_string()),
            },
        },
    })
}

/// A child process under watch, with the end of its standard error.
pub(crate) struct Watched {
    process: Child,
    memory: Option<u64>,
    tail: Arc<Mutex<Vec<u8>>>,
    drain: Option<thread::JoinHandle<()>>,
}

impl Watched {
    /// Starts `command` with its standard error piped (passed on to ours when `forward`).
    pub(crate) fn spawn(
        command: &mut Command,
        memory: Option<u64>,
        forward: bool,
    ) -> io::Result<Self> {
        let marker = memory.map_or_else(|| "none".to_owned(), |bytes| bytes.to_string());
        if memory.is_some() {
            // glibc reserves 64 MiB of address space for each thread's own arena; under an
            // address-space ceiling those reservations fail and it falls back to a page per
            // allocation, which exhausts a 100 MiB ceiling before the engine is built. One
            // arena keeps every thread's heap in the ceiling's measure.
            command.env("MALLOC_ARENA_MAX", "1");
        }
        // A backtrace would push the reason a child ended out of the kept tail.
        command.env("RUST_BACKTRACE", "0");
        let mut process = command
            .env(SUPERVISED_ENV, marker)
            .env(SUPERVISOR_ENV, std::process::id().to_string())
            .stderr(Stdio::piped())
            .spawn()?;
        let tail = Arc::new(Mutex::new(Vec::new()));
        let drain = process
            .stderr
            .take()
            .map(|stderr| drain(stderr, Arc::clone(&tail), forward));
        Ok(Self {
            process,
            memory,
            tail,
            drain,
        })
    }

    pub(crate) fn process(&mut self) -> &mut Child {
        &mut self.process
    }

    /// Calls `wait` with short slices of time until it returns `Some`, and ends the child with
    /// the limit it ran into when `wall` or `cpu` (counted from this call) passes first.
    pub(crate) fn watch<T>(
        &mut self,
        cpu: Option<Duration>,
        wall: Option<Duration>,
        mut wait: impl FnMut(&mut Child, Duration) -> Option<T>,
    ) -> Result<T, Limit> {
        let started = Instant::now();
        let pid = self.process.id();
        let cpu_at_start = cpu.and_then(|_| cpu_time(pid));
        loop {
            if let Some(done) = wait(&mut self.process, POLL) {
                return Ok(done);
            }
            if wall.is_some_and(|wall| started.elapsed() >= wall) {
                self.kill();
                return Err(Limit::Timeout);
            }
            if let (Some(cpu), Some(start)) = (cpu, cpu_at_start)
                && cpu_time(pid).is_some_and(|now| now.saturating_sub(start) >= cpu)
            {
                self.kill();
                return Err(Limit::Cpu);
            }
        }
    }

    /// Waits until the child's standard error is read to its end.
    fn join_drain(&mut self) {
        if let Some(drain) = self.drain.take() {
            let _ = drain.join();
        }
    }

    /// The address space the child has mapped, in bytes (what its memory ceiling limits;
    /// Linux).
    pub(crate) fn mapped(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.process.id())).ok()?;
        let line = status.lines().find(|line| line.starts_with("VmSize:"))?;
        let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kib * 1024)
    }

    /// Ends the child now.
    pub(crate) fn kill(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }

    /// Why the child ended without being told to: waits for it, then reads its exit status and
    /// the end of its standard error.
    pub(crate) fn ended(&mut self) -> Error {
        let status = self.process.wait();
        self.join_drain();
        let tail = self
            .tail
            .lock()
            .map(|tail| tail.clone())
            .unwrap_or_default();
        classify(status, &String::from_utf8_lossy(&tail), self.memory)
    }
}

impl Drop for Watched {
    fn drop(&mut self) {
        if matches!(self.process.try_wait(), Ok(None)) {
            self.kill();
        }
    }
}

/// Reads `from` to its end on a thread, keeping the last [`TAIL`] bytes.
fn drain(
    mut from: impl Read + Send + 'static,
    tail: Arc<Mutex<Vec<u8>>>,
    forward: bool,
) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(n @ 1..) = from.read(&mut buffer) {
            if forward {
                let _ = io::stderr().write_all(&buffer[..n]);
            }
            if let Ok(mut tail) = tail.lock() {
                tail.extend_from_slice(&buffer[..n]);
                let excess = tail.len().saturating_sub(TAIL);
                tail.drain(..excess);
            }
        }
    })
}

/// Rust's message when an allocation fails (it then aborts the process).
const ALLOCATION_FAILED: &str = "memory allocation of ";

const SIGKILL: i32 = 9;

/// Rust's message when a thread runs out of stack (it then aborts the process).
const STACK_OVERFLOW: &str = "has overflowed its stack";

/// What a child's own end means: under a memory ceiling, a failed allocation (or the kernel's
/// out-of-memory kill) is [`Limit::Memory`]; anything else is [`Error::Worker`].
fn classify(status: io::Result<ExitStatus>, tail: &str, memory: Option<u64>) -> Error {
    let status = match status {
        Ok(status) => status,
        Err(error) => return Error::Worker(format!("cannot learn how the worker ended: {error}")),
    };
    let out_of_memory = tail.contains(ALLOCATION_FAILED) || status.signal() == Some(SIGKILL);
    if memory.is_some() && out_of_memory {
        return Error::Limit(Limit::Memory);
    }
    // A native of Boa's that recurses without an entry check (`flat`, a set along a long
    // prototype chain) on data the ceiling let the guest build.
    if tail.contains(STACK_OVERFLOW) {
        return Error::Limit(Limit::Recursion);
    }
    let last = tail.lines().rev().find(|line| !line.trim().is_empty());
    Error::Worker(match last {
        Some(line) => format!("the worker ended ({status}) without an answer: {line}"),
        None => format!("the worker ended ({status}) without an answer"),
    })
}

/// CPU time (user and system, all threads) used so far by process `pid`.
fn cpu_time(pid: u32) -> Option<Duration> {
    // Fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 1/100 s (Linux's USER_HZ on
    // every architecture it supports); the command name before them may hold spaces, so
    // fields are counted after its closing parenthesis (field 2).
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let mut fields = stat.get(stat.rfind(')')? + 1..)?.split_whitespace();
    let user: u64 = fields.nth(11)?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(Duration::from_millis((user + system) * 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_time_reads_this_process() {
        let start = cpu_time(std::process::id()).expect("this test runs on Linux");
        let until = Instant::now() + Duration::from_millis(200);
        let mut spin = 0u64;
        while Instant::now() < until {
            spin = spin.wrapping_add(1);
        }
        assert!(spin > 0);
        let spent = cpu_time(std::process::id()).unwrap() - start;
        assert!(spent >= Duration::from_millis(100), "{spent:?}");
    }

    #[test]
    fn a_failed_allocation_under_a_ceiling_is_the_memory_limit() {
        let aborted = ExitStatus::from_raw(6);
        let tail = "memory allocation of 1073741824 bytes failed\n";
        assert!(matches!(
            classify(Ok(aborted), tail, Some(1 << 28)),
            Error::Limit(Limit::Memory)
        ));
        assert!(matches!(
            classify(Ok(aborted), tail, None),
            Error::Worker(message) if message.contains("memory allocation of")
        ));
        assert!(matches!(
            classify(Ok(ExitStatus::from_raw(11)), "", Some(1 << 28)),
            Error::Worker(_)
        ));
    }
}
