//! One test in a forked copy of the worker. Lockdown mode builds and locks down an engine once
//! per test directory and runs each test of the directory in a child process: every test
//! starts from a pristine locked-down engine, as if it had built its own, for the price of a
//! fork instead of a lockdown (most of a lockdown-mode test's time otherwise).

use std::{
    any::Any,
    io::{self, PipeWriter, Read, Write},
    os::unix::process::parent_id,
    panic::{self, AssertUnwindSafe},
};

use crate::protocol::Outcome;

/// Runs `test` in a child process and returns its verdict. A child that dies without one (an
/// abort on stack overflow or exhausted memory, a signal) is a crash; a panic is caught in the
/// child and is a crash too. When the worker dies (the driver kills it on timeout), the kernel
/// kills the child.
pub fn in_child(test: impl FnOnce() -> (Outcome, String)) -> (Outcome, String) {
    let (mut reader, writer) = match io::pipe() {
        Ok(pipe) => pipe,
        Err(error) => return (Outcome::Crash, format!("cannot make a pipe: {error}")),
    };
    let worker = std::process::id();
    // SAFETY: the worker's only other thread is its main thread, parked in `join` and holding
    // no lock, so the child (whose only thread is this one) inherits no lock held by a thread
    // it lacks. The child ends in `_exit`, so none of the copied state's destructors or exit
    // handlers run twice.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return (
            Outcome::Crash,
            format!("cannot fork: {}", io::Error::last_os_error()),
        );
    }
    if pid == 0 {
        drop(reader);
        child(worker, writer, test);
    }
    drop(writer);
    let mut reply = Vec::new();
    let read = reader.read_to_end(&mut reply);
    let mut status = 0;
    // SAFETY: waits for this process's own child; `status` is a valid place for its status.
    let waited = unsafe { libc::waitpid(pid, &raw mut status, 0) };
    match (read, serde_json::from_slice::<(Outcome, String)>(&reply)) {
        (Ok(_), Ok(verdict)) => verdict,
        _ if waited != pid => (
            Outcome::Crash,
            format!("test process lost: {}", io::Error::last_os_error()),
        ),
        _ if libc::WIFSIGNALED(status) => (
            Outcome::Crash,
            format!("test process died (signal {})", libc::WTERMSIG(status)),
        ),
        _ => (
            Outcome::Crash,
            format!(
                "test process died (exit code {})",
                libc::WEXITSTATUS(status)
            ),
        ),
    }
}

/// The child's life: run the test, write the verdict, exit.
fn child(worker: u32, mut verdict: PipeWriter, test: impl FnOnce() -> (Outcome, String)) -> ! {
    // SAFETY: `prctl(PR_SET_PDEATHSIG, signal)` only sets this process's parent-death signal.
    let armed = unsafe { libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) } == 0;
    // The worker may have died before the signal was armed.
    let code = if !armed || parent_id() != worker {
        1
    } else {
        let result = panic::catch_unwind(AssertUnwindSafe(test)).unwrap_or_else(|payload| {
            (
                Outcome::Crash,
                format!("panicked: {}", panic_message(&*payload)),
            )
        });
        let written = serde_json::to_vec(&result)
            .map_err(io::Error::other)
            .and_then(|bytes| verdict.write_all(&bytes));
        i32::from(written.is_err())
    };
    // SAFETY: ends the child without running the exit handlers or destructors of the state it
    // copied from the worker (its stdout buffer, its engine).
    unsafe { libc::_exit(code) }
}

fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_cross_the_fork() {
        assert_eq!(
            in_child(|| (Outcome::Fail, "expected 1, got 2".into())),
            (Outcome::Fail, "expected 1, got 2".into())
        );
    }

    #[test]
    fn the_child_changes_nothing_in_the_worker() {
        let mut state = vec![1];
        let verdict = in_child(|| {
            state.push(2);
            (Outcome::Pass, format!("{state:?}"))
        });
        assert_eq!(verdict, (Outcome::Pass, "[1, 2]".into()));
        assert_eq!(state, [1]);
    }

    #[test]
    fn a_panic_is_a_crash() {
        let (outcome, message) = in_child(|| panic!("boom"));
        assert_eq!(
            (outcome, message.as_str()),
            (Outcome::Crash, "panicked: boom")
        );
    }

    #[test]
    fn a_dying_child_is_a_crash() {
        // SAFETY: `abort` ends the child process.
        let (outcome, message) = in_child(|| unsafe { libc::abort() });
        assert_eq!(outcome, Outcome::Crash);
        assert_eq!(
            message,
            format!("test process died (signal {})", libc::SIGABRT)
        );
    }
}
