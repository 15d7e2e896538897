//! The driver's side of the workers: one worker process per core, a watchdog per job.

use std::{
    collections::VecDeque,
    io::{BufRead, BufReader, Write},
    path::PathBuf,
    process::{Child, ChildStdin, Command, Stdio},
    sync::{Arc, Mutex, PoisonError, mpsc},
    thread,
    time::{Duration, Instant},
};

use crate::protocol::{Job, Outcome, Reply};

/// How much of a worker's stderr is kept to explain a crash.
const STDERR_TAIL: usize = 2048;

#[derive(Debug, Clone)]
pub struct PoolConfig {
    /// This executable, re-spawned with `--worker`.
    pub exe: PathBuf,
    pub harness: PathBuf,
    pub timeout: Duration,
    pub workers: usize,
    /// Address-space cap per worker, MiB (0: none).
    pub memory_mib: u64,
    /// Build a fresh engine for every hardened-mode test.
    pub fresh_engines: bool,
}

/// A finished job.
#[derive(Debug, Clone)]
pub struct Done {
    pub reply: Reply,
    pub elapsed: Duration,
}

struct Worker {
    child: Child,
    stdin: ChildStdin,
    replies: mpsc::Receiver<Reply>,
    stderr: Arc<Mutex<String>>,
}

impl Worker {
    fn spawn(config: &PoolConfig) -> std::io::Result<Self> {
        let mut command = Command::new(&config.exe);
        // A panic's own message, not a backtrace, should end the worker's stderr.
        command
            .env("RUST_BACKTRACE", "0")
            .arg("--worker")
            .arg("--harness")
            .arg(&config.harness)
            .arg("--memory-mib")
            .arg(config.memory_mib.to_string());
        if config.fresh_engines {
            command.arg("--fresh-engines");
        }
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let (Some(stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            return Err(std::io::Error::other("worker pipes are missing"));
        };
        let (sender, replies) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                // Anything else a worker might print is not a reply.
                if let Ok(reply) = serde_json::from_str::<Reply>(&line)
                    && sender.send(reply).is_err()
                {
                    break;
                }
            }
        });
        let tail = Arc::new(Mutex::new(String::new()));
        let writer = tail.clone();
        thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                let mut tail = writer.lock().unwrap_or_else(PoisonError::into_inner);
                tail.push_str(&line);
                tail.push('\n');
                if tail.len() > STDERR_TAIL {
                    let cut = tail.len() - STDERR_TAIL;
                    let cut = (cut..tail.len())
                        .find(|&i| tail.is_char_boundary(i))
                        .unwrap_or(tail.len());
                    tail.drain(..cut);
                }
            }
        });
        Ok(Self {
            child,
            stdin,
            replies,
            stderr: tail,
        })
    }

    /// Why the worker died: its exit status and the end of its stderr.
    fn autopsy(mut self) -> String {
        let status = self.child.wait();
        // Let the stderr reader drain what the dying process wrote.
        thread::sleep(Duration::from_millis(20));
        let tail = self
            .stderr
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .trim()
            .to_owned();
        let status = match status {
            Ok(status) => describe_status(status),
            Err(error) => error.to_string(),
        };
        let last = tail.lines().rev().take(3).collect::<Vec<_>>();
        let last = last.into_iter().rev().collect::<Vec<_>>().join(" | ");
        if last.is_empty() {
            format!("worker died ({status})")
        } else {
            format!("worker died ({status}): {last}")
        }
    }

    /// Waits for a worker that ends on its own after its last reply.
    fn retire(self) {
        drop(self.stdin);
        let mut child = self.child;
        let _ = child.wait();
    }

    fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(unix)]
fn describe_status(status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (_, Some(signal)) => format!("signal {signal}"),
        (Some(code), _) => format!("exit code {code}"),
        _ => status.to_string(),
    }
}

#[cfg(not(unix))]
fn describe_status(status: std::process::ExitStatus) -> String {
    status.to_string()
}

/// Runs every job on the workers; `on_done` sees each result as it arrives (in no particular
/// order).
pub fn run(jobs: Vec<Job>, config: &PoolConfig, on_done: &(dyn Fn(&Done) + Sync)) -> Vec<Done> {
    let queue = Mutex::new(VecDeque::from(jobs));
    let results = Mutex::new(Vec::new());
    thread::scope(|scope| {
        for _ in 0..config.workers.max(1) {
            scope.spawn(|| drive(&queue, config, &results, on_done));
        }
    });
    results.into_inner().unwrap_or_else(PoisonError::into_inner)
}

/// One driver thread: owns one worker at a time, feeds it jobs and watches the clock.
fn drive(
    queue: &Mutex<VecDeque<Job>>,
    config: &PoolConfig,
    results: &Mutex<Vec<Done>>,
    on_done: &(dyn Fn(&Done) + Sync),
) {
    let mut worker: Option<Worker> = None;
    loop {
        let Some(job) = queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop_front()
        else {
            break;
        };
        let started = Instant::now();
        let (outcome, message) = execute(&job, config, &mut worker);
        let done = Done {
            reply: Reply {
                id: job.id,
                outcome,
                message,
                retire: false,
            },
            elapsed: started.elapsed(),
        };
        on_done(&done);
        results
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(done);
    }
    if let Some(worker) = worker {
        // Closing stdin ends the worker's loop.
        worker.retire();
    }
}

fn execute(job: &Job, config: &PoolConfig, slot: &mut Option<Worker>) -> (Outcome, String) {
    let mut worker = match slot.take() {
        Some(worker) => worker,
        None => match Worker::spawn(config) {
            Ok(worker) => worker,
            Err(error) => return (Outcome::Crash, format!("cannot start a worker: {error}")),
        },
    };
    let line = match serde_json::to_string(job) {
        Ok(line) => line,
        Err(error) => return (Outcome::Crash, format!("cannot encode the job: {error}")),
    };
    if writeln!(worker.stdin, "{line}")
        .and_then(|()| worker.stdin.flush())
        .is_err()
    {
        return (Outcome::Crash, worker.autopsy());
    }
    let deadline = Instant::now() + config.timeout;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match worker.replies.recv_timeout(left) {
            Ok(reply) if reply.id == job.id => {
                if reply.retire {
                    // It ends on its own after this reply; its agents need not be waited for.
                    worker.kill();
                } else {
                    *slot = Some(worker);
                }
                return (reply.outcome, reply.message);
            }
            // A stale reply cannot happen with one job in flight; ignore it defensively.
            Ok(_) => {}
            Err(mpsc::RecvTimeoutError::Timeout) => {
                worker.kill();
                return (
                    Outcome::Timeout,
                    format!("no result within {} s", config.timeout.as_secs_f64()),
                );
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return (Outcome::Crash, worker.autopsy());
            }
        }
    }
}
