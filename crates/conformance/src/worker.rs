//! The worker process (`conformance --worker`): reads jobs from stdin, one JSON line each, and
//! answers each with one JSON line on stdout. The driver kills it on timeout and restarts it
//! when it dies, so a panic or a stack-overflow abort costs one test.

use std::{
    io::{self, BufRead, Write},
    path::PathBuf,
    process::ExitCode,
};

use crate::{
    exec::Worker,
    protocol::{Job, Reply},
};

/// Guest code runs on a thread with this much stack reserved (only touched pages cost memory):
/// some of Boa's natives and its parser recurse per level of the input.
const GUEST_STACK: usize = 512 << 20;

/// Runs the worker loop. `memory_mib` caps the process's address space (guest stack
/// included): a test that allocates without bound then aborts its worker (a `crash`) instead
/// of taking the machine's memory.
pub fn main(harness: PathBuf, memory_mib: u64, reuse: bool) -> ExitCode {
    #[cfg(unix)]
    if memory_mib > 0 {
        let bytes = memory_mib.saturating_mul(1 << 20);
        if let Err(error) = rlimit::setrlimit(rlimit::Resource::AS, bytes, bytes) {
            eprintln!("worker: cannot limit memory: {error}");
        }
    }
    let spawned = std::thread::Builder::new()
        .name("test262-guest".into())
        .stack_size(GUEST_STACK)
        .spawn(move || serve(harness, reuse));
    match spawned.map(std::thread::JoinHandle::join) {
        Ok(Ok(Ok(()))) => ExitCode::SUCCESS,
        Ok(Ok(Err(error))) => {
            eprintln!("worker: {error}");
            ExitCode::FAILURE
        }
        // The panic message is already on stderr, where the driver reads it.
        Ok(Err(_)) => ExitCode::from(101),
        Err(error) => {
            eprintln!("worker: cannot start the guest thread: {error}");
            ExitCode::FAILURE
        }
    }
}

fn serve(harness: PathBuf, reuse: bool) -> io::Result<()> {
    let mut worker = Worker::new(harness, reuse);
    let stdin = io::stdin().lock();
    let mut stdout = io::stdout().lock();
    for line in stdin.lines() {
        let line = line?;
        let job: Job = serde_json::from_str(&line)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let (outcome, message) = worker.run(&job);
        let reply = Reply {
            id: job.id,
            outcome,
            message,
            retire: crate::exec::agents_outlived_test(),
        };
        let text = serde_json::to_string(&reply).map_err(io::Error::other)?;
        writeln!(stdout, "{text}")?;
        stdout.flush()?;
        if reply.retire {
            break;
        }
    }
    Ok(())
}
