//! `compartment-run` as a user runs it: output, exit codes and error messages.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_compartment-run"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .expect("compartment-run starts")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The `Name: message` line of an uncaught error's report (after its location and source line).
fn uncaught(stderr: &[u8]) -> String {
    let report = text(stderr);
    let message = match report.split_once("\n\n") {
        Some((_, rest)) => rest,
        None => report.as_str(),
    };
    message.lines().next().unwrap_or_default().to_owned()
}

#[test]
fn runs_the_readme_example() {
    let out = run(&["examples/hello.js"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "hello, compartment\ntypeof process: undefined, shared Array: true\n{ answer: 42, list: [ 1, 2, 3 ] }\n"
    );
}

#[test]
fn start_mode_has_compartment() {
    let out = run(&["--start", "examples/compartments.js"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("child sees: child-only\nstart sees: undefined"));
}

#[test]
fn guest_has_only_console() {
    let out = run(&[
        "-e",
        "console.log(typeof Compartment === 'function', typeof process, typeof require)",
    ]);
    assert_eq!(text(&out.stdout), "true undefined undefined\n");
    let out = run(&["-e", "console.error('to stderr')"]);
    assert_eq!(
        (text(&out.stdout), text(&out.stderr)),
        (String::new(), "to stderr\n".into())
    );
}

#[test]
fn guests_run_after_lockdown_unless_asked_not_to() {
    let out = run(&[
        "-e",
        "console.log(Object.isFrozen(Array.prototype), typeof harden)",
    ]);
    assert_eq!(text(&out.stdout), "true function\n");
    let out = run(&["-e", "Date.now()"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        uncaught(&out.stderr).starts_with("TypeError: secure mode"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&[
        "--no-lockdown",
        "-e",
        "console.log(Object.isFrozen(Array.prototype), typeof harden)",
    ]);
    assert_eq!(text(&out.stdout), "false undefined\n");
}

#[test]
fn uncaught_errors_and_rejections_exit_1() {
    let out = run(&["-e", "throw new RangeError('bad')"]);
    assert_eq!(
        (out.status.code(), text(&out.stderr)),
        (
            Some(1),
            "[eval]:1:7\nthrow new RangeError('bad')\n      ^\n\nRangeError: bad\n    at <main> ([eval]:1:7)\n"
                .into()
        )
    );
    let out = run(&[
        "-e",
        "(async () => { await null; throw new TypeError('later'); })()",
    ]);
    assert_eq!(
        (out.status.code(), uncaught(&out.stderr)),
        (Some(1), "TypeError: later".into())
    );
    // Any promise left rejected with no handler fails the run, as in node, not only the
    // completion value; a handled one does not.
    let out = run(&[
        "-e",
        "(async () => { throw new Error('floating') })(); 'done'",
    ]);
    assert_eq!(
        (out.status.code(), uncaught(&out.stderr)),
        (Some(1), "Error: floating".into())
    );
    let out = run(&["--print", "-e", "Promise.reject(1).catch(() => {}); 'done'"]);
    assert_eq!(
        (out.status.code(), text(&out.stdout)),
        (Some(0), "done\n".into())
    );
    let out = run(&["--json", "-e", "Promise.reject(new TypeError('j'))"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json["error"]["name"], "TypeError");
    let out = run(&["-e", "let = ;"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        uncaught(&out.stderr).starts_with("SyntaxError: "),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = run(&["does-not-exist.js"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read does-not-exist.js"));
    assert_eq!(run(&["--no-such-flag"]).status.code(), Some(2));
    // No file and no terminal: the (here empty) standard input is the script, as with node.
    let out = run(&[]);
    assert_eq!(
        (out.status.code(), text(&out.stdout)),
        (Some(0), String::new())
    );
    let dir = std::env::temp_dir().join(format!("compartment-run-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("latin1.js");
    std::fs::write(&bad, b"'\xff'").unwrap();
    let out = run(&[bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("is not UTF-8"));
}

/// Under `--json` every run prints one JSON object, usage errors included.
#[test]
fn json_usage_errors_are_json() {
    for args in [
        &["--json", "--no-such-flag"][..],
        &["--json", "does-not-exist.js"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", text(&out.stdout)));
        assert_eq!(json["ok"], false);
        assert_eq!(json["error"]["name"], "UsageError");
        assert!(
            json["error"]["message"].as_str().unwrap().len() > 10,
            "{json}"
        );
        assert_eq!(text(&out.stderr), "");
    }
}

/// Module load and link errors name the module and its importer.
#[test]
fn module_errors_name_the_module_and_its_importer() {
    let dir = std::env::temp_dir().join(format!("compartment-run-graph-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("main.mjs"), "import './dep.mjs';\n").unwrap();
    std::fs::write(dir.join("dep.mjs"), "import './missing.mjs';\n").unwrap();
    std::fs::write(dir.join("link.mjs"), "import { nope } from './x.mjs';\n").unwrap();
    std::fs::write(dir.join("x.mjs"), "export const y = 1;\n").unwrap();
    let out = run(&[dir.join("main.mjs").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stderr);
    assert!(
        report.contains("\"./missing.mjs\"") && report.contains("(imported by \"./dep.mjs\")"),
        "{report}"
    );
    let out = run(&[dir.join("link.mjs").to_str().unwrap()]);
    let report = text(&out.stderr);
    assert!(
        report.contains("nope") && report.contains("(linking module \"./link.mjs\")"),
        "{report}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn deeply_nested_source_is_a_clean_error() {
    let dir = std::env::temp_dir().join(format!("compartment-run-deep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("deep.js");
    std::fs::write(
        &file,
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
    )
    .unwrap();
    let out = run(&[file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        uncaught(&out.stderr)
            .starts_with("SyntaxError: source nests too deeply to be parsed safely"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn huge_allocation_requests_are_clean_errors() {
    // Boa would reserve each of these up front and the failed allocation would abort.
    for source in [
        "'x'.repeat(2 ** 31)",
        "JSON.stringify(Array(2 ** 32 - 1))",
        "Reflect.ownKeys(new Proxy({}, { ownKeys: () => ({ length: 2 ** 45 }) }))",
    ] {
        let out = run(&["-e", source]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{source}: {}",
            text(&out.stderr)
        );
        assert!(
            uncaught(&out.stderr).starts_with("RangeError: "),
            "{source}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn the_cli_never_converts_guest_data_with_claimed_lengths() {
    // `%j` and `--json` once went through Boa's `to_json`, which reserves the claimed length.
    let huge = "const a = []; a.length = 2 ** 32 - 1;";
    let out = run(&["-e", &format!("{huge} console.log('%j', a)")]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        uncaught(&out.stderr).starts_with("RangeError: "),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["--json", "-e", &format!("{huge} a")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = run(&[
        "--start",
        "-e",
        &format!("{huge} new Compartment({{ __options__: true, transforms: a }})"),
    ]);
    assert!(
        uncaught(&out.stderr).starts_with("TypeError: transforms[0]"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn deep_native_recursion_does_not_crash_the_process() {
    // Boa's natives recurse per level of these structures; the guest thread's large stack
    // turns what would abort the process into ordinary completions.
    for source in [
        "let o = []; for (let i = 0; i < 1e5; i++) o = [o]; console.log(String(o).length)",
        "let o = {}; for (let i = 0; i < 1e5; i++) o = Object.create(o); console.log(o.x)",
        "let a = []; for (let i = 0; i < 1e5; i++) a = [a]; console.log(a.flat(Infinity).length)",
    ] {
        let out = run(&["-e", source]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{source}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn print_and_json_report_the_completion_value() {
    assert_eq!(text(&run(&["--print", "-e", "'a' + 1"]).stdout), "a1\n");
    assert_eq!(
        text(&run(&["--print", "-e", "({ a: [1, 2] })"]).stdout),
        "{ a: [ 1, 2 ] }\n"
    );
    let out = run(&["--json", "-e", "({ a: [1, 2] })"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["value"], serde_json::json!({ "a": [1, 2] }));
    assert!(report["duration_ms"].as_f64().is_some());
    let out = run(&["--json", "-e", "throw new RangeError('far')"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["error"],
        serde_json::json!({
            "name": "RangeError", "message": "far",
            "stack": "    at <main> ([eval]:1:7)",
            "location": { "source": "[eval]", "line": 1, "column": 7 },
        })
    );
}

#[test]
fn endowments_are_frozen_json_values() {
    let out = run(&[
        "--endow",
        r#"config={"debug":true,"list":[1]}"#,
        "--print",
        "-e",
        "config.debug && Object.isFrozen(config.list)",
    ]);
    assert_eq!(text(&out.stdout), "true\n", "{}", text(&out.stderr));
    let out = run(&["--endow", "x=not json", "-e", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("invalid JSON for x"));
}

#[test]
fn lockdown_options_are_validated_before_running() {
    let out = run(&[
        "--lockdown-option",
        "overrideTaming=severe",
        "--print",
        "-e",
        "const o = {}; o.constructor = 1; o.constructor",
    ]);
    assert_eq!(text(&out.stdout), "1\n", "{}", text(&out.stderr));
    for bad in ["evalTaming=bogus", "nope=1", "novalue"] {
        let out = run(&["--lockdown-option", bad, "-e", "1"]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
}

/// Runs with `input` on standard input.
fn run_with_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_compartment-run"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("compartment-run starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes())
        .expect("stdin accepts the source");
    child.wait_with_output().expect("compartment-run ends")
}

#[test]
fn runs_a_module_graph_confined_to_its_directory() {
    let out = run(&["examples/modules/main.mjs"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "hello, modules\nurl ends with main.mjs: true\nDYNAMIC IMPORT WORKS!\n"
    );
    let out = run(&["--print", "examples/modules/main.mjs"]);
    assert!(text(&out.stdout).ends_with("[Module: null prototype] { done: true }\n"));
}

#[test]
fn module_imports_cannot_leave_the_root_or_reach_missing_files() {
    let dir = std::env::temp_dir().join(format!("compartment-run-escape-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("app")).expect("temp dir");
    std::fs::write(dir.join("secret.mjs"), "export default 'secret';").expect("write");
    let entry = dir.join("app/main.mjs");
    let cases = [
        (
            "import s from '../secret.mjs'; console.log(s);",
            "leaves the module root",
        ),
        (
            "import s from '/etc/passwd'; console.log(s);",
            "only relative specifiers",
        ),
        (
            "import s from 'fs'; console.log(s);",
            "only relative specifiers",
        ),
        (
            "import s from './missing.mjs';",
            "cannot load module \"./missing.mjs\"",
        ),
        ("await import('../secret.mjs');", "leaves the module root"),
    ];
    for (source, expected) in cases {
        std::fs::write(&entry, source).expect("write");
        let out = run(&[entry.to_str().expect("utf-8 path")]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{source}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains(expected),
            "{source}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stdout).is_empty(),
            "{source} printed {}",
            text(&out.stdout)
        );
    }
    std::fs::remove_dir_all(&dir).expect("cleanup");
}

#[test]
fn reads_standard_input() {
    let out = run_with_stdin(&["--print", "-"], "6 * 7");
    assert_eq!(text(&out.stdout), "42\n", "{}", text(&out.stderr));
    let out = run_with_stdin(&["--module", "-"], "console.log(typeof import.meta)");
    assert_eq!(text(&out.stdout), "object\n", "{}", text(&out.stderr));
}

#[test]
fn capabilities_are_denied_unless_granted() {
    let granted: [(&[&str], &str); 5] = [
        (
            &["-e", "[typeof readFile, typeof env, typeof clock].join()"],
            "undefined,undefined,undefined\n",
        ),
        (
            &[
                "--allow-time",
                "-e",
                "clock.now() > 1e12 && clock.monotonic() >= 0",
            ],
            "true\n",
        ),
        (
            &[
                "--allow-env",
                "PATH",
                "--allow-env",
                "NOT_SET_ANYWHERE_42",
                "-e",
                "Object.keys(env).join()",
            ],
            "PATH\n",
        ),
        (
            &[
                "--allow-read",
                "examples",
                "-e",
                "readFile('modules/settings.json').trim()",
            ],
            "{ \"name\": \"modules\" }\n",
        ),
        // Granted capabilities are hardened: a guest cannot change them for others.
        (
            &[
                "--allow-time",
                "-e",
                "Object.isFrozen(clock) && Object.isFrozen(clock.now)",
            ],
            "true\n",
        ),
    ];
    for (args, expected) in granted {
        let out = run(&[&["--print"], args].concat());
        assert_eq!(
            text(&out.stdout),
            expected,
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    let out = run(&[
        "--allow-read",
        "examples",
        "-e",
        "readFile('../Cargo.toml')",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("only paths inside the readable directory"));
}

#[test]
fn limits_stop_runaway_guests() {
    let cases: [(&[&str], &str); 4] = [
        (
            &[
                "--max-loop-iterations",
                "100000",
                "-e",
                "try { for (;;) {} } catch { console.log('caught') }",
            ],
            "iteration limit",
        ),
        (
            &[
                "--max-recursion",
                "100",
                "-e",
                "function f() { return f(); } f()",
            ],
            "recursion limit",
        ),
        (
            &[
                "--timeout",
                "0.5",
                "-e",
                "let n = 0; while (true) n = Math.abs(n + 1);",
            ],
            "timeout",
        ),
        (
            &[
                "--timeout",
                "0.5",
                "-e",
                "(async () => { for (;;) await null; })()",
            ],
            "timeout",
        ),
    ];
    for (args, expected) in cases {
        let out = run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        // The guest could not catch the limit: nothing it printed reached stdout.
        assert!(
            text(&out.stdout).is_empty(),
            "{args:?}: {}",
            text(&out.stdout)
        );
        assert!(
            text(&out.stderr).contains(expected),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    let out = run(&[
        "--timeout",
        "0.5",
        "--json",
        "-e",
        "(async () => { for (;;) await null; })()",
    ]);
    assert!(
        text(&out.stdout).contains("\"name\":\"LimitError\""),
        "{}",
        text(&out.stdout)
    );
    // Code the engine cannot interrupt is cut off by the supervising process.
    let out = run(&["--timeout", "0.5", "-e", "for (;;) {}"]);
    assert_eq!(out.status.code(), Some(124));
}

#[test]
fn ceilings_end_a_supervised_guest_with_their_exit_code() {
    let bomb = "const keep = []; for (;;) keep.push('x'.repeat(1 << 20) + keep.length);";
    let cases: [(&[&str], i32, &str); 5] = [
        (&["--max-memory", "128M", "-e", bomb], 122, "--max-memory"),
        (&["--max-cpu", "0.3", "-e", "for (;;) {}"], 123, "--max-cpu"),
        (
            &[
                "--max-cpu",
                "0.3",
                "-e",
                "/^(a+)+$/.test('a'.repeat(40) + 'b')",
            ],
            123,
            "--max-cpu",
        ),
        (
            &[
                "--timeout",
                "0.3",
                "-e",
                "/^(a+)+$/.test('a'.repeat(40) + 'b')",
            ],
            124,
            "could not interrupt",
        ),
        (
            &["--max-memory", "64M", "--timeout", "5", "-e", bomb],
            122,
            "--max-memory",
        ),
    ];
    for (args, code, expected) in cases {
        let started = std::time::Instant::now();
        let out = run(args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains(expected),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "{args:?}"
        );
    }
    // Under a ceiling the guest runs as usual: output, modules, standard input.
    let out = run(&["--max-memory", "64M", "--max-cpu", "5", "examples/hello.js"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("hello, compartment\n"));
    let out = run(&["--max-memory", "64M", "examples/modules/main.mjs"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // A guest error keeps its own exit code through the supervisor.
    let out = run(&["--max-memory", "64M", "-e", "throw new TypeError('no')"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("TypeError: no"));
    // --json reports a ceiling as a LimitError object.
    let out = run(&["--json", "--max-cpu", "0.2", "-e", "for (;;) {}"]);
    assert_eq!(out.status.code(), Some(123));
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON line");
    assert_eq!(line["error"]["name"], "LimitError");
    // A size that is not one is a usage error.
    assert_eq!(
        run(&["--max-memory", "lots", "-e", "1"]).status.code(),
        Some(2)
    );
}

#[test]
fn repl_on_a_terminal_keeps_declarations() {
    let session =
        "globalThis.total = 40\ntotal + 2\nlet local = 1\ntypeof local\nnope()\n.help\n.exit\n";
    let out = run_on_a_terminal(session);
    let screen = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{screen}");
    assert!(screen.contains("Type .help for help"), "{screen}");
    // On a terminal values are coloured, as node colours them.
    assert!(screen.contains("\r\n\x1b[33m42\x1b[39m\r\n"), "{screen}");
    // Declarations stay for later lines; strings print quoted, as in node's REPL.
    assert!(
        screen.contains("\r\n\x1b[32m'number'\x1b[39m\r\n"),
        "{screen}"
    );
    assert!(
        screen.contains("ReferenceError: nope is not defined"),
        "{screen}"
    );
    assert!(screen.contains("stay for later inputs"), "{screen}");
}

#[test]
fn ctrl_c_on_a_terminal_interrupts_the_running_input() {
    let session = "let n = 0\nfor (;;) n++\n^C\nn > 0\n.exit\n";
    let out = run_on_a_terminal(session);
    let screen = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{screen}");
    assert!(screen.contains("Interrupted (Ctrl+C)"), "{screen}");
    assert!(screen.contains("\r\n\x1b[33mtrue\x1b[39m\r\n"), "{screen}");
}

/// `--repl` runs the session on lines of standard input (no terminal, prompt or banner).
#[test]
fn repl_declarations_persist_and_top_level_await_works() {
    let session = [
        "let n = 0; const inc = () => ++n;",
        "inc(); inc(); n",
        "function f() {",
        "  return Promise.resolve('later')",
        "}",
        "const v = await f()",
        "v",
        "class C { constructor() { this.v = v } }",
        "new C()",
        "let n = 'again'",
        "[n, inc()]",
        "n = 1; null.x",
        "/a\\/b[/]/gi",
        "new Error('x', { cause: new TypeError('y') })",
        "",
    ]
    .join("\n");
    let out = run_with_stdin(&["--repl"], &session);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "undefined\n2\nundefined\nundefined\n'later'\nundefined\nC { v: 'later' }\nundefined\n\
         [ 'again', 3 ]\n/a\\/b[/]/gi\n[Error: x] { [cause]: [TypeError: y] }\n"
    );
    assert!(
        text(&out.stderr).starts_with("Uncaught TypeError: "),
        "{}",
        text(&out.stderr)
    );
}

/// A promise an input leaves rejected with no handler is reported, and the session goes on.
#[test]
fn repl_reports_unhandled_rejections() {
    let session =
        "Promise.reject(new RangeError('lost')); 1\nPromise.reject(2).catch(() => {}); 3\n";
    let out = run_with_stdin(&["--repl"], session);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "1\n3\n");
    assert_eq!(
        text(&out.stderr),
        "Uncaught (in promise) RangeError: lost\n"
    );
}

/// A `--repl` session that has answered `first` with `answer` (so its Ctrl+C handler is in
/// place): the process, its input and its output.
fn repl_answering(
    first: &str,
    answer: &str,
) -> (
    std::process::Child,
    std::process::ChildStdin,
    std::io::BufReader<std::process::ChildStdout>,
) {
    use std::io::{BufRead, Write};
    let mut child = Command::new(env!("CARGO_BIN_EXE_compartment-run"))
        .arg("--repl")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("compartment-run starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    writeln!(stdin, "{first}").unwrap();
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert_eq!(line, answer);
    (child, stdin, stdout)
}

/// Sends SIGINT to `child`, as Ctrl+C at its terminal would.
fn interrupt(child: &std::process::Child) {
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
}

#[test]
fn ctrl_c_interrupts_the_running_input_and_keeps_the_session() {
    use std::io::Write;
    let (child, mut stdin, mut stdout) = repl_answering("let n = 0", "undefined\n");
    // The loop reads `n` through the compartment's globals on every turn: interruptible.
    writeln!(stdin, "for (;;) n++").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    interrupt(&child);
    writeln!(stdin, "n > 0").unwrap();
    drop(stdin);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    let out = child.wait_with_output().expect("compartment-run ends");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(rest, "true\n");
    assert!(
        text(&out.stderr).starts_with("Interrupted (Ctrl+C)"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn ctrl_c_twice_ends_a_session_whose_input_cannot_be_interrupted() {
    use std::io::Write;
    let (child, mut stdin, _stdout) = repl_answering("1", "1\n");
    // No global name is read: nothing the engine checks runs.
    writeln!(stdin, "for (;;) {{}}").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    interrupt(&child);
    std::thread::sleep(std::time::Duration::from_millis(1500));
    interrupt(&child);
    let out = child.wait_with_output().expect("compartment-run ends");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("the input is still running"), "{stderr}");
    assert!(stderr.contains("did not stop at Ctrl+C"), "{stderr}");
}

/// Runs compartment-run on a pseudo-terminal (`script`, as a person at a shell would), typing
/// each line of `input` once the prompt for it has appeared (a line editor may drop what is
/// typed ahead of its prompt).
fn run_on_a_terminal(input: &str) -> Output {
    use std::{
        io::{Read, Write},
        sync::{Arc, Mutex},
        time::{Duration, Instant},
    };
    // `script` runs its command with `$SHELL -c`; `exec` keeps that shell out of the terminal's
    // process group, where a shell that waits (dash, when SHELL is unset) would take Ctrl+C too
    // and exit 130 after compartment-run exited 0.
    let command = format!("exec '{}'", env!("CARGO_BIN_EXE_compartment-run"));
    let mut child = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env_remove("NO_COLOR")
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the program starts");
    let screen = Arc::new(Mutex::new(Vec::new()));
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let reader = {
        let screen = screen.clone();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n @ 1..) = stdout.read(&mut buffer) {
                screen
                    .lock()
                    .expect("screen lock")
                    .extend_from_slice(&buffer[..n]);
            }
        })
    };
    let prompts = |screen: &Arc<Mutex<Vec<u8>>>| {
        let screen = String::from_utf8_lossy(&screen.lock().expect("screen lock")).into_owned();
        screen.matches("> ").count()
    };
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let mut typed = 0;
    for line in input.lines() {
        // `^C` is Ctrl+C, typed half a second after the line before, while it runs.
        if line == "^C" {
            std::thread::sleep(Duration::from_millis(500));
            stdin.write_all(b"\x03").expect("stdin accepts input");
            continue;
        }
        let deadline = Instant::now() + Duration::from_secs(20);
        while prompts(&screen) <= typed && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        stdin
            .write_all(format!("{line}\n").as_bytes())
            .expect("stdin accepts input");
        typed += 1;
    }
    drop(stdin);
    let status = child.wait().expect("the program ends");
    reader.join().expect("the reader ends");
    let stdout = screen.lock().expect("screen lock").clone();
    let mut stderr = Vec::new();
    if let Some(mut pipe) = child.stderr.take() {
        let _ = pipe.read_to_end(&mut stderr);
    }
    Output {
        status,
        stdout,
        stderr,
    }
}

#[test]
fn module_files_get_the_guest_checks() {
    // Once checked only when the text contained "eval": `using` made Boa panic.
    let dir = std::env::temp_dir().join(format!("compartment-run-using-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, source) in [
        (
            "using.mjs",
            "function f() { using x = null; }\nexport default 1;\n",
        ),
        (
            "deep.mjs",
            &format!("export default {}1{};\n", "x=>".repeat(200_000), ""),
        ),
        (
            "slash.mjs",
            &format!(
                "let x = {{}}/{}1{}/1;\n",
                "[".repeat(20_000),
                "]".repeat(20_000)
            ),
        ),
    ] {
        let file = dir.join(name);
        std::fs::write(&file, source).unwrap();
        let out = run(&[file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", text(&out.stderr));
        assert!(
            uncaught(&out.stderr).starts_with("SyntaxError: "),
            "{name}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn console_has_nodes_methods_and_json_keeps_stdout_for_the_report() {
    let out = run(&[
        "-e",
        "console.debug('d'); console.count(); console.count('x'); console.count(); \
         console.group('g'); console.info('in'); console.groupEnd(); console.dir([1]); \
         console.assert(true, 'fine'); console.assert(false, 'nope'); console.trace('t'); \
         console.time('a'); console.timeEnd('b')",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "d\ndefault: 1\nx: 1\ndefault: 2\ng\n  in\n[ 1 ]\n"
    );
    assert_eq!(
        text(&out.stderr),
        "Assertion failed: nope\nTrace: t\nWarning: No such label 'b'\n"
    );
    let out = run(&["--json", "-e", "console.log('side'); 1"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["value"], 1);
    assert_eq!(text(&out.stderr), "side\n");
}

#[test]
fn module_syntax_in_a_script_hints_and_start_with_a_module_is_a_usage_error() {
    let out = run(&["-e", "export const a = 1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        uncaught(&out.stderr).ends_with("use --module or a .mjs file)"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["--start", "examples/modules/main.mjs"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("--start runs scripts only"));
}

#[test]
fn thrown_values_that_are_not_errors_are_shown() {
    for (source, shown) in [
        (
            "throw { code: 42, list: [1, 'x'] }",
            "Uncaught: { code: 42, list: [ 1, 'x' ] }",
        ),
        ("throw [1, 2]", "Uncaught: [ 1, 2 ]"),
        (
            "throw { get secret() { throw 1 } }",
            "Uncaught: { secret: [Getter/Setter] }",
        ),
        (
            "throw new Proxy({}, { ownKeys() { throw 1 } })",
            "Uncaught: [Proxy]",
        ),
    ] {
        let out = run(&["-e", source]);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(uncaught(&out.stderr), shown, "{source}");
    }
}

/// Red team 2026-12-05 (locations): a forged column once sized the caret line.
#[test]
fn forged_columns_do_not_size_compartment_runs_output() {
    let binary = env!("CARGO_BIN_EXE_compartment-run");
    let script = r"const o = {'x\n    at f (\u0002[eval]\u00010\u00010\u00010\u00010:1:1000000000)\n': function () { throw new Error('boom'); }};
o[Object.keys(o)[0]]();";
    let out = Command::new(binary)
        .args(["--max-memory", "512M", "--timeout", "20", "-e", script])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!(
        "exit {:?}; stderr {} bytes",
        out.status.code(),
        out.stderr.len()
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        &stderr[..stderr.len().min(600)]
    );
    assert!(out.stderr.len() < 1 << 20);
    // The forged text may show inside the function's (escaped, one-line) name, never as the
    // error's place.
    assert!(
        !stderr
            .lines()
            .next()
            .unwrap_or_default()
            .contains(":1:1000000000"),
        "the forged place is printed"
    );
}

/// Red team 2026-12-05 (locations): lines are counted as the engine counts them.
#[test]
fn compartment_run_shows_the_line_boa_counted() {
    let binary = env!("CARGO_BIN_EXE_compartment-run");
    let dir = std::env::temp_dir().join(format!("rt-loc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in [
        ("ls.js", "0;\u{2028}null.x;\nconsole.log('innocent line')\n"),
        ("cr.js", "0;\rnull.x;\nconsole.log('innocent line')\n"),
    ] {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        let out = Command::new(binary).arg(&file).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("innocent line"), "{name}: {stderr}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Console output is written as it is (a `\r\n` inside a logged string stays), as node does.
#[test]
fn console_keeps_carriage_returns() {
    let out = run(&["-e", "console.log('a,b\\r\\n1,2')"]);
    assert_eq!(text(&out.stdout), "a,b\r\n1,2\n");
}

/// Values print as node's inspector prints them.
#[test]
fn maps_sets_dates_promises_typed_arrays_and_holes_print_like_node() {
    let out = run(&[
        "-e",
        "console.log(new Map([[1, { a: 2 }], ['k', [3]]]), new Set([1]), new Date(0), \
         new Uint8Array(3), Promise.resolve(1), new Promise(() => {}), [ , 1], [1, , , 2])",
    ]);
    assert_eq!(
        text(&out.stdout),
        "Map(2) { 1 => { a: 2 }, 'k' => [ 3 ] } Set(1) { 1 } 1970-01-01T00:00:00.000Z \
         Uint8Array(3) [ 0, 0, 0 ] Promise { 1 } Promise { <pending> } [ <1 empty item>, 1 ] \
         [ 1, <2 empty items>, 2 ]\n"
    );
}

/// Regular expressions, errors (with their own properties, `cause` and an `AggregateError`'s
/// `errors`), wrapped primitives, functions and class instances print as node prints them
/// (an error without stack frames in brackets, as node shows one).
#[test]
fn regexps_errors_wrappers_and_functions_print_like_node() {
    let out = run(&[
        "-e",
        "class A {} class B extends A { static s = 1 } \
         const e = new Error('x', { cause: new TypeError('y') }); e.code = 5; \
         console.log(/a\\/b[/]/gi, e, new AggregateError([new Error('a'), 1], 'agg'), \
         new Number(3), new String('s'), Object(1n), [A, B, new B()], async function f() {}, \
         function* g() {}, Object.create(null), new WeakMap(), ['it\\'s', 'a\\nb'])",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "/a\\/b[/]/gi [Error: x] { code: 5, [cause]: [TypeError: y] } \
         [AggregateError: agg] { [errors]: [ [Error: a], 1 ] } [Number: 3] [String: 's'] \
         [BigInt: 1n] [ [class A], [class B extends A] { s: 1 }, B {} ] [AsyncFunction: f] \
         [GeneratorFunction: g] [Object: null prototype] {} WeakMap { <items unknown> } \
         [ \"it's\", 'a\\nb' ]\n"
    );
}
