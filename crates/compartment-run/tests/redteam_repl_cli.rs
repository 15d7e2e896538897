//! Red-team probes of `compartment-run`'s REPL (`--repl`, commit 1fd297a) and of its console
//! inspector. Tests marked `#[ignore = "finding: ..."]` assert the behaviour the guarantees
//! call for where the current binary does otherwise; each child is killed at a deadline, so
//! none of them can hang the test run.

use std::{
    io::{Read, Write},
    process::{Command, Stdio},
    time::{Duration, Instant},
};

struct Ran {
    /// `None`: killed at the deadline.
    status: Option<i32>,
    elapsed: Duration,
    stdout: String,
    stderr: String,
}

/// Runs the binary with `args` and `stdin`, killing it after `deadline`; `during` runs (with
/// the child's pid) right after the input is written.
fn run(args: &[&str], stdin: &str, deadline: Duration, during: impl FnOnce(u32)) -> Ran {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_compartment-run"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.as_bytes()).unwrap();
    drop(input);
    // Drain the pipes on threads so a large output cannot block the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = out.read_to_end(&mut text);
        text
    });
    let err = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = err.read_to_end(&mut text);
        text
    });
    during(child.id());
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status.code().unwrap_or(-1));
        }
        if started.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = started.elapsed();
    let clip = |bytes: Vec<u8>| {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        text.chars().take(4000).collect::<String>()
    };
    Ran {
        status,
        elapsed,
        stdout: clip(out.join().unwrap()),
        stderr: clip(err.join().unwrap()),
    }
}

/// The REPL printer and `console.log` read values from Rust without running guest code:
/// getters, proxy traps, a RegExp subclass's `source`/`flags`, an error's `name` getter,
/// `Symbol.toStringTag` getters and a class's `name` getter all stay unrun (each would loop
/// past the test's deadline), and huge claimed lengths allocate nothing.
#[test]
fn the_printer_runs_no_guest_code() {
    let session = "\
({ get x() { for (;;) {} }, y: 1 })
new Proxy({}, { ownKeys() { for (;;) {} }, get() { for (;;) {} }, getPrototypeOf() { for (;;) {} } })
new Proxy(function f() {}, { ownKeys() { for (;;) {} }, get() { for (;;) {} } })
const rp = Proxy.revocable({}, {}); rp.revoke(); rp.proxy
class R extends RegExp { get source() { for (;;) {} } get flags() { for (;;) {} } }; new R('a/b', 'gi')
const ne = new Error('m'); Object.defineProperty(ne, 'name', { get() { for (;;) {} } }); ne
new Error('m', { cause: new Proxy({}, { get() { for (;;) {} } }) })
({ get [Symbol.toStringTag]() { for (;;) {} } })
class A { constructor() { this.a = 1 } }; Object.defineProperty(A, 'name', { get() { for (;;) {} } }); new A()
const sparse = []; sparse[2 ** 32 - 2] = 1; sparse
const ce = new Error('c'); ce.cause = ce; ce.errors = [ce]; ce
console.log(new Proxy({}, { get() { for (;;) {} } }), { get z() { for (;;) {} } })
'done'
";
    let ran = run(
        &["--repl", "--timeout", "5"],
        session,
        Duration::from_secs(20),
        |_| {},
    );
    assert_eq!(ran.status, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    for expected in [
        "{ x: [Getter], y: 1 }",
        "[Proxy]",
        "/a\\/b/gi",
        "[Error: m] { [cause]: [Proxy] }",
        "[ <4294967294 empty items>, 1 ]",
        "[Error: c] { [cause]: [Circular], [errors]: [ [Circular] ] }",
        "[Proxy] { z: [Getter] }",
        "'done'",
    ] {
        assert!(ran.stdout.contains(expected), "{expected}\n{}", ran.stdout);
    }
}

/// FINDING. The inspector expands an error's `cause` and `errors` with no depth limit (the
/// depth check comes after the error case in `inspect_nested`) and remembers only the current
/// path (`seen`), so a DAG of errors that each point twice at the one below is printed
/// 2^k times: 30 objects make it run for hours and grow its output string until the process
/// runs out of memory. The REPL prints after the engine call, where `--timeout` does not
/// reach, and Ctrl+C is ignored there (the session is not `busy`). A chain of 100,000 errors
/// linked by `cause` alone takes 14 s (quadratic: `seen.contains` and the nested string
/// copies). Expected: the printer bounds its work (node stops at depth 2 for causes too).
#[test]
fn an_error_dag_prints_in_bounded_time() {
    let session = "\
let e = new Error('x'); for (let i = 0; i < 30; i++) { const n = new Error('x', { cause: e }); n.errors = e; e = n }; 1
e
";
    let ran = run(
        &["--repl", "--timeout", "2"],
        session,
        Duration::from_secs(10),
        |_| {},
    );
    assert_eq!(
        ran.status,
        Some(0),
        "killed after {:?}: the printer did not finish",
        ran.elapsed
    );
}

/// FINDING. Arrays are shown in full at every level down to depth 2, with no cap on items
/// (node shows 100 and `... n more items`) and no sharing: three arrays of 1,000 slots that
/// point at each other (`a = Array(1000).fill(b)`, `b = Array(1000).fill(c)`) are printed as
/// 10^9 items, which the inspector formats into one string (about 4 s and 250 MB for 300
/// slots each; 1,000 take minutes and gigabytes). The guest allocates 3,000 slots; the host
/// allocates by the cube of that. In the REPL printer it also escapes `--timeout`.
#[test]
fn shared_nested_arrays_print_in_bounded_time() {
    let session = "\
const c = Array(1000).fill(1); const b = Array(1000).fill(c); const a = Array(1000).fill(b); 1
a
";
    let ran = run(
        &["--repl", "--timeout", "2"],
        session,
        Duration::from_secs(8),
        |_| {},
    );
    assert_eq!(
        ran.status,
        Some(0),
        "killed after {:?}: the printer did not finish",
        ran.elapsed
    );
}

/// FINDING. The REPL makes two engine calls per input (`evaluate_repl`, then `run_jobs`), and
/// each engine call starts by clearing the interrupt flag (`Watch::reset`). A Ctrl+C that
/// lands while the first call is in a native that makes no check (`indexOf` over a 256 MiB
/// string) is forgotten when `run_jobs` starts, so the job it queued, a loop that reads a
/// global name on every turn (`Math`) and would have noticed the interrupt, runs on; the
/// session prints the hint for uninterruptible loops, and the user's second Ctrl+C ends the
/// session and loses its state. Expected: the input is interrupted ("Interrupted (Ctrl+C)")
/// and the session goes on to the next input.
#[test]
fn a_ctrl_c_during_the_input_interrupts_its_jobs() {
    let session = "\
Promise.resolve().then(() => { for (;;) Math.abs(1) }); 'a'.repeat(2 ** 28).indexOf('b')
'next'
";
    let ran = run(
        &["--repl", "--max-loop-iterations", "100000000000"],
        session,
        Duration::from_secs(8),
        |pid| {
            std::thread::sleep(Duration::from_millis(500));
            let _ = Command::new("kill")
                .args(["-INT", &pid.to_string()])
                .status();
        },
    );
    assert!(
        ran.stderr.contains("Interrupted") && ran.stdout.contains("'next'"),
        "status {:?} after {:?}\nstdout: {}\nstderr: {}",
        ran.status,
        ran.elapsed,
        ran.stdout,
        ran.stderr
    );
}
