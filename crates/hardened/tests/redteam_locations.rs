//! Red-team probes for source locations (f9af675, and compartment-run's uncaught-error report
//! of 6ccf254): the wrappers' new first line, the evaluator cache keyed by (name, text),
//! `location::frames` reading Boa's rendered stack, `Error::from_js_in`, the tamed stack getter,
//! and `ModuleTable::ensure_not_evaluating` comparing encoded paths.
//!
//! Every probe asserts the secure (or correct) behaviour; the ones marked
//! `#[ignore = "FINDING: ..."]` fail today. Probes that could abort the process run in a child
//! (this test binary again, with `RT_LOC_CHILD` set) and assert on its exit status. The
//! compartment-run probes are in `crates/compartment-run/tests/cli.rs`.

use std::{
    process::{Command, Output},
    time::{Duration, Instant},
};

use hardened::{
    Compartment, CompartmentOptions, Engine, Error, LockdownOptions, Source, ThrownError,
};

mod support;
use support::engine;

fn locked(taming: hardened::lockdown::ErrorTaming) -> Engine {
    let mut engine = engine();
    engine
        .lockdown(LockdownOptions {
            error_taming: taming,
            ..LockdownOptions::default()
        })
        .unwrap();
    engine
}

fn guest(engine: &mut Engine) -> Compartment {
    engine.new_compartment(CompartmentOptions::new()).unwrap()
}

fn thrown(result: Result<impl std::fmt::Debug, Error>) -> ThrownError {
    match result {
        Err(Error::Thrown(thrown)) => thrown,
        other => panic!("expected a thrown error, got {other:?}"),
    }
}

/// (source, line, column) of `location()`.
fn at(thrown: &ThrownError) -> Option<(String, u32, u32)> {
    thrown
        .location()
        .map(|l| (l.source.clone(), l.line, l.column))
}

/// Runs test `name` again in a child process (with `RT_LOC_CHILD=name`); `None` when this is
/// that child, which must then run the probe's body.
fn in_child(name: &str) -> Option<Output> {
    if std::env::var("RT_LOC_CHILD").as_deref() == Ok(name) {
        return None;
    }
    Some(
        Command::new(std::env::current_exe().unwrap())
            .args([name, "--exact", "--nocapture", "--include-ignored"])
            .env("RT_LOC_CHILD", name)
            .output()
            .unwrap(),
    )
}

// ---------------------------------------------------------------------------------------------
// (4) Frame forging: `location::frames` splits Boa's rendered stack with `str::lines` and reads
// any line that looks like a frame, so a guest-chosen function name (compile-time names come
// from string-literal property keys, which may hold line breaks and the path marks) can add
// frames, hide the real ones, or pick the path.
// ---------------------------------------------------------------------------------------------

/// A function whose compile-time name (from an object literal's string key) is `key` (JS
/// string-literal text), called from line 2; it throws on line 1.
fn named_thrower(key: &str) -> String {
    format!(
        "const o = {{'{key}': function () {{ throw new Error('e'); }}}};\n\
         o[Object.keys(o)[0]]();"
    )
}

#[test]
fn function_names_with_line_breaks_cannot_forge_frames() {
    let mut engine = engine();
    let guest = guest(&mut engine);
    let key = r"x\n    at forged (\u0002secret.rs\u00010\u00010\u00010\u00010:7:9)\n";
    let error =
        thrown(engine.evaluate_value(&guest, Source::named("main.js", &named_thrower(key))));
    assert!(
        error
            .frames
            .iter()
            .all(|f| f.location.as_ref().is_none_or(|l| l.source != "secret.rs")),
        "{:?}",
        error.frames
    );
    assert_eq!(
        at(&error).map(|(s, l, _)| (s, l)),
        Some(("main.js".into(), 1))
    );
}

#[test]
fn function_names_with_line_breaks_cannot_hide_the_throwing_frame() {
    let mut engine = engine();
    let guest = guest(&mut engine);
    let error =
        thrown(engine.evaluate_value(&guest, Source::named("main.js", &named_thrower(r"x\n"))));
    assert_eq!(
        at(&error).map(|(s, l, _)| (s, l)),
        Some(("main.js".into(), 1))
    );
    assert_eq!(error.frames.len(), 2, "{:?}", error.frames);
}

#[test]
#[ignore = "FINDING (open, docs/security.md): sources the evaluator runs through its direct-eval \
            plan (a trailing if, a loop) report no location: Boa's eval code carries no path"]
fn direct_eval_plan_sources_keep_their_name() {
    let mut engine = engine();
    let guest = guest(&mut engine);
    let error =
        thrown(engine.evaluate_value(&guest, Source::named("plan.js", "if (true) { null.x }")));
    assert_eq!(at(&error), Some(("plan.js".into(), 1, 18)));
    let error = thrown(engine.evaluate_value(
        &guest,
        Source::named("plan.js", "let a = 1;\nfor (;;) { null.x }"),
    ));
    assert_eq!(at(&error), Some(("plan.js".into(), 2, 17)));
}

#[test]
fn path_marks_in_names_cannot_pick_the_path() {
    let mut engine = engine();
    let guest = guest(&mut engine);
    let key = r"f (\u0002secret.rs\u00010\u00010\u00010\u00010\u0001";
    let source = format!("{}\nif (false) 1;", named_thrower(key));
    let error = thrown(engine.evaluate_value(&guest, Source::named("plan.js", &source)));
    assert_ne!(
        at(&error).map(|(s, ..)| s),
        Some("secret.rs".into()),
        "{:?}",
        error.frames
    );
}

/// A guest compartment that has module `specifier` (JS expression) with `body`, imported now.
fn import_module(specifier: &str, body: &str) -> String {
    format!(
        "const S = {specifier};
         const c = new Compartment({{ __options__: true,
           modules: {{ [S]: {{ source: new ModuleSource({body:?}) }} }} }});
         c.importNow(S)"
    )
}

#[test]
fn module_specifiers_with_line_breaks_cannot_forge_frames() {
    let mut engine = engine();
    let guest = guest(&mut engine);
    let source = import_module(
        r"'m\n    at forged (secret.rs:7:9)\n'",
        "null.x; export const x = 1;",
    );
    let error = thrown(engine.evaluate_value(&guest, source.as_str()));
    assert!(
        error.frames.iter().all(|f| f.function != "forged"),
        "{:?}",
        error.frames
    );
    assert_eq!(
        at(&error).map(|(_, l, c)| (l, c)),
        Some((1, 6)),
        "{:?}",
        error.frames
    );
}

#[test]
fn a_module_named_internal_keeps_its_frames() {
    let mut engine = engine();
    let guest = guest(&mut engine);
    let source = import_module("'<internal>'", "null.x; export const x = 1;");
    let error = thrown(engine.evaluate_value(&guest, source.as_str()));
    assert_eq!(
        at(&error),
        Some(("<internal>".into(), 1, 6)),
        "{:?}",
        error.frames
    );
}

// (4) Size: every frame line repeats the function name, and the host renders, copies and
// parses Boa's whole stack in `from_js_in`, outside the guest's limits.

#[test]
#[ignore = "FINDING (open, docs/security.md): Boa's stack getter repeats a 4 MiB name in 50 \
            frames (~200 MB, ~1 s); the crate no longer copies a stack past 1 MiB"]
fn long_function_names_do_not_multiply_in_the_host() {
    let mut engine = engine();
    let guest = guest(&mut engine);
    let name_length = 1usize << 22;
    let recursion = |tail: &str| {
        format!(
            "globalThis.K = 'x'.repeat({name_length});
             const o = (0, eval)(\"({{'\" + K + \"': function (n) {{ return n ? this[K](n - 1) : null.x; }}}})\");
             {tail}"
        )
    };
    // The guest's own part of the work, for comparison.
    let start = Instant::now();
    engine
        .evaluate_value(
            &guest,
            recursion("try { o[K](60) } catch (e) { 0 }").as_str(),
        )
        .unwrap();
    let guest_time = start.elapsed();
    let start = Instant::now();
    let error = thrown(engine.evaluate_value(&guest, recursion("o[K](60)").as_str()));
    let host_time = start.elapsed().saturating_sub(guest_time);
    let size = error.stack.as_ref().map_or(0, String::len)
        + error.frames.iter().map(|f| f.function.len()).sum::<usize>();
    eprintln!("described in {size} bytes, {host_time:?} more than the guest's own run");
    assert!(
        size <= 4 * name_length,
        "{size} bytes for a {name_length}-byte name"
    );
    assert!(host_time < Duration::from_secs(1), "{host_time:?}");
}

// ---------------------------------------------------------------------------------------------
// compartment-run's report of an uncaught error.
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// (3) ensure_not_evaluating with encoded paths: held.
// ---------------------------------------------------------------------------------------------

const SPECIFIERS: &str = r"[
  'a', 'a\u0001', '\u0001a', 'a\u0002b', '\u0002', 'a\nb', 'a\rb', 'a\u2028b', 'a:1:2)',
  'a (x:1:2)', '<main>', '<internal>', '<evaluate>', '\uD800', '\\uD800', '',
  'x'.repeat(1 << 20),
  'a\n    at f (\u0002b\u00010\u00010\u00010\u00010:1:1)\n',
]";

#[test]
fn reentrant_import_now_is_refused_for_any_specifier() {
    if let Some(out) = in_child("reentrant_import_now_is_refused_for_any_specifier") {
        assert!(
            out.status.success(),
            "{:?}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        return;
    }
    let mut engine = locked(hardened::lockdown::ErrorTaming::Safe);
    let guest = guest(&mut engine);
    let source = format!(
        "const verdict = (f) => {{
           try {{ f(); return 'allowed'; }}
           catch (e) {{ return /is being evaluated/.test(e.message) ? 'refused' : 'other: ' + String(e.message).slice(0, 80); }}
         }};
         const out = [];
         for (const S of {SPECIFIERS}) {{
           // Itself, from its own top level.
           const c = new Compartment({{ __options__: true,
             modules: {{ [S]: {{ source: new ModuleSource('selfImport(); export const x = 1;') }} }} }});
           c.globalThis.selfImport = () => {{ throw verdict(() => c.importNow(S)); }};
           try {{ c.importNow(S); out.push('ran'); }} catch (v) {{ out.push(String(v).slice(0, 80)); }}
           // A cycle: S imports T, T imports S now.
           const T = S + '/t';
           const d = new Compartment({{ __options__: true, resolveHook: (s) => s, modules: {{
             [S]: {{ source: new ModuleSource('import ' + JSON.stringify(T) + '; export const x = 1;') }},
             [T]: {{ source: new ModuleSource('selfImport(); export const y = 1;') }},
           }} }});
           d.globalThis.selfImport = () => {{ throw verdict(() => d.importNow(S)); }};
           try {{ d.importNow(S); out.push('ran'); }} catch (v) {{ out.push(String(v).slice(0, 80)); }}
         }}
         out.join(',')"
    );
    let verdicts: String = engine.evaluate(&guest, source.as_str()).unwrap();
    for verdict in verdicts.split(',') {
        assert_eq!(verdict, "refused", "{verdicts}");
    }
    // Through import(): the module's evaluation runs in a promise job.
    let source = format!(
        "globalThis.out = [];
         for (const S of {SPECIFIERS}) {{
           const c = new Compartment({{ __options__: true,
             modules: {{ [S]: {{ source: new ModuleSource('selfImport(); export const x = 1;') }} }} }});
           c.globalThis.selfImport = () => {{
             try {{ c.importNow(S); out.push('allowed'); }}
             catch (e) {{ out.push(/is being evaluated/.test(e.message) ? 'refused' : 'other'); }}
           }};
           c.import(S).catch(() => out.push('rejected'));
         }}"
    );
    engine.run_script(&guest, source.as_str()).unwrap();
    engine.run_jobs().unwrap();
    let verdicts: String = engine.evaluate(&guest, "out.join(',')").unwrap();
    assert!(verdicts.split(',').all(|v| v == "refused"), "{verdicts}");
}

// ---------------------------------------------------------------------------------------------
// (1) The wrappers' new first line: held.
// ---------------------------------------------------------------------------------------------

#[test]
fn the_wrappers_line_break_changes_no_meaning() {
    let mut engine = engine();
    let guest = guest(&mut engine);
    let value = |engine: &mut Engine, source: &str| -> Result<String, String> {
        match engine.evaluate_value(&guest, source) {
            Ok(value) => Ok(value.display().to_string()),
            Err(Error::Thrown(thrown)) => Err(thrown.name),
            Err(other) => Err(format!("{other:?}")),
        }
    };
    let syntax = || Err("SyntaxError".to_owned());
    let cases: &[(&str, Result<String, String>)] = &[
        // `-->` is an HTML-like comment only after a line terminator: not at the very start
        // (the wrapper's own line break must not make it one).
        ("-->1\n2", syntax()),
        ("/*x*/-->1\n2", syntax()),
        ("   -->1\n2", syntax()),
        ("let a = 1;\n-->x\na", Ok("1".into())),
        ("<!-- x\n3", Ok("3".into())),
        ("let a = 3; <!-- x\na", Ok("3".into())),
        ("#!/bin/x\n4", Ok("4".into())),
        ("#!/bin/x\nlet a = 4; a", Ok("4".into())),
        ("#!/bin/x\nvar a = 4; a", Ok("4".into())),
        ("#!/bin/x\nif (true) 4", Ok("4".into())),
        ("\n#!/bin/x\n4", syntax()),
        (" #!/bin/x\n4", syntax()),
        ("5 // trailing", Ok("5".into())),
        ("let a = 5; a // trailing", Ok("5".into())),
        ("var a = 5; a // trailing", Ok("5".into())),
        ("'use strict'; 6", Ok("6".into())),
        ("'use strict'", Ok("\"use strict\"".into())),
        ("'\\07'; 6", syntax()),
        ("}", syntax()),
        ("} {", syntax()),
        ("1\n} {", syntax()),
        ("*/ 1", syntax()),
        ("1 /*", syntax()),
        ("let a = 1; } { a", syntax()),
        ("var a = 1; } (function () { return 1 })({", syntax()),
        ("return 1", syntax()),
        ("let a = [1]\n[0]\na", Ok("1".into())),
        ("let s = '\u{2028}'; s.length", Ok("1".into())),
        ("/[/]/.source", Ok("\"[/]\"".into())),
        ("`a\nb`.length", Ok("3".into())),
        ("let t = `${'}'}`; t", Ok("\"}\"".into())),
        ("this === undefined", Ok("false".into())),
        ("new.target", syntax()),
    ];
    let mut wrong = Vec::new();
    for (source, expected) in cases {
        let got = value(&mut engine, source);
        if &got != expected {
            wrong.push(format!("{source:?}: got {got:?}, expected {expected:?}"));
        }
    }
    // For effects (the function-body wrapper).
    for source in [
        "-->1\nvar a",
        "/*x*/-->1\nvar a",
        "}{",
        "var a; } {",
        "return",
    ] {
        if engine.run_script(&guest, source).is_ok() {
            wrong.push(format!("run_script({source:?}) ran"));
        }
    }
    // `Function`'s parts cannot close the wrapper.
    for source in [
        "Function('}); (function () {')",
        "Function('a', '\\n}); globalThis.pwn = 1; (function () {')",
        "Function('-->x\\n}, globalThis.pwn = 1, {', '')",
        "Function('/*', '*/){')",
    ] {
        if engine.run_script(&guest, source).is_ok() {
            wrong.push(format!("{source:?} ran"));
        }
    }
    let pwned: String = engine.evaluate(&guest, "typeof globalThis.pwn").unwrap();
    assert_eq!(pwned, "undefined");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
#[ignore = "FINDING (open, docs/security.md; older than f9af675): top-level `arguments` is the \
            evaluator wrapper function's arguments object (a strict Script has none)"]
fn top_level_arguments_is_not_the_wrappers() {
    let mut engine = engine();
    let guest = guest(&mut engine);
    for source in [
        "typeof arguments",
        "let a; typeof arguments",
        "var a; typeof arguments",
    ] {
        let kind: String = engine.evaluate(&guest, source).unwrap();
        assert_eq!(kind, "undefined", "{source}");
    }
}

// ---------------------------------------------------------------------------------------------
// (2) The evaluator cache keyed by (name, text): held.
// ---------------------------------------------------------------------------------------------

#[test]
fn the_cache_returns_each_caller_its_own_code() {
    let mut engine = engine();
    let guest = guest(&mut engine);
    // Effects first (compiled without a completion value), then the value.
    for source in [
        "var q = 1; q + 1",
        "let r = 1; r + 1",
        "1 + 1",
        "if (true) 2",
    ] {
        engine.run_script(&guest, source).unwrap();
        let value: i32 = engine.evaluate(&guest, source).unwrap();
        assert_eq!(value, 2, "{source}");
    }
    // The same text in another compartment sees that compartment's globals.
    let other = engine.new_compartment(CompartmentOptions::new()).unwrap();
    engine.run_script(&other, "globalThis.q = 10;").unwrap();
    engine.run_script(&guest, "globalThis.q = 1;").unwrap();
    assert_eq!(engine.evaluate::<i32>(&guest, "q + 1").unwrap(), 2);
    assert_eq!(engine.evaluate::<i32>(&other, "q + 1").unwrap(), 11);
    // The same name and text: one text, positions stay right whichever path compiled it.
    for _ in 0..3 {
        let error = thrown(engine.evaluate_value(&guest, Source::named("n.js", "\nnull.x")));
        assert_eq!(at(&error), Some(("n.js".into(), 2, 6)));
        let error = thrown(engine.run_script(&guest, Source::named("n.js", "\nnull.x")));
        assert_eq!(at(&error), Some(("n.js".into(), 2, 6)));
    }
    // sloppyGlobalsMode and the relaxed direct-eval rule are not reused by plain evaluation.
    let modes: String = engine
        .evaluate(
            &guest,
            "const c = new Compartment();
             const out = [];
             const run = (f) => { try { out.push(String(f())); } catch (e) { out.push(e.name); } };
             run(() => c.evaluate('zz = 5; zz', { sloppyGlobalsMode: true }));
             run(() => c.evaluate('yy = 5; yy'));
             run(() => c.evaluate('yy = 5; yy', { sloppyGlobalsMode: true }));
             run(() => c.evaluate('eval(\"1\")', { __rejectSomeDirectEvalExpressions__: false }));
             run(() => c.evaluate('eval(\"1\")'));
             out.join(',')",
        )
        .unwrap();
    assert_eq!(modes, "5,ReferenceError,5,1,SyntaxError");
}

// ---------------------------------------------------------------------------------------------
// (5) from_js_in on exotic values: held (no guest code runs on the host's side).
// ---------------------------------------------------------------------------------------------

#[test]
fn describing_thrown_values_runs_no_guest_code() {
    let mut engine = engine();
    let guest = guest(&mut engine);
    engine
        .run_script(
            &guest,
            "globalThis.log = [];
             globalThis.traps = new Proxy({}, { get(_, key) { return (...args) => { log.push(String(key)); return Reflect[key](...args); }; } });",
        )
        .unwrap();
    for source in [
        "throw new Proxy(new Error('p'), traps)",
        "throw new Proxy(function () {}, traps)",
        "const { proxy, revoke } = Proxy.revocable(new Error('r'), {}); revoke(); throw proxy",
        "const e = new Error('m'); for (const k of ['stack', 'message', 'name', 'constructor', 'cause']) Object.defineProperty(e, k, { get() { log.push(k); return 'x'; } }); throw e",
        "const e = new Error('m'); Object.setPrototypeOf(e, new Proxy(Error.prototype, traps)); throw e",
        "const e = new Error('m'); e.toString = () => { log.push('toString'); return 'x'; }; throw e",
        "throw { get message() { log.push('message'); }, get stack() { log.push('stack'); }, toString() { log.push('toString'); } }",
        "throw Object.create(new Proxy(Error.prototype, traps))",
        "throw Symbol('s')",
        "throw 10n",
    ] {
        let error = engine.evaluate_value(&guest, source);
        assert!(
            matches!(error, Err(Error::Thrown(_))),
            "{source}: {error:?}"
        );
        let log: String = engine.evaluate(&guest, "log.splice(0).join(',')").unwrap();
        assert_eq!(log, "", "{source}");
    }
    // An error whose stack guest code replaced: the frames still come from [[ErrorData]].
    let error = thrown(engine.evaluate_value(
        &guest,
        Source::named(
            "s.js",
            "const e = new Error('m');\ne.stack = '    at f (elsewhere.js:9:9)'; throw e",
        ),
    ));
    assert_eq!(at(&error), Some(("s.js".into(), 1, 11)));
    // An error of another engine, thrown in this one.
    let mut other = self::engine();
    let other_guest = other.new_compartment(CompartmentOptions::new()).unwrap();
    let foreign = other
        .evaluate_value(&other_guest, Source::named("other.js", "new Error('far')"))
        .unwrap();
    engine.set_global(&guest, "foreign", foreign).unwrap();
    let error = thrown(engine.evaluate_value(&guest, "throw foreign"));
    assert_eq!(error.message, "far");
}

// ---------------------------------------------------------------------------------------------
// (6) What guests see: held.
// ---------------------------------------------------------------------------------------------

#[test]
fn safe_taming_shows_guests_no_source_names() {
    let mut engine = locked(hardened::lockdown::ErrorTaming::Safe);
    let guest = guest(&mut engine);
    let name = "/home/host/secret-dir/plugin.js";
    let seen: String = engine
        .evaluate(
            &guest,
            Source::named(
                name,
                "const out = [];
                 const look = (f) => { try { f(); } catch (e) { out.push(String(e), e.message, String(e.stack)); } };
                 look(() => null.x);
                 look(() => { throw new Error('m'); });
                 look(() => (0, eval)('}'));
                 look(() => Function('}'));
                 look(() => new Compartment().evaluate('if (true) { null.x }'));
                 look(() => new Compartment().importNow('nope'));
                 out.join('|')",
            ),
        )
        .unwrap();
    assert!(!seen.contains("secret"), "{seen}");
    assert!(
        !seen.contains('\u{1}') && !seen.contains('\u{2}'),
        "{seen:?}"
    );
}

#[test]
fn unsafe_taming_shows_guests_their_own_positions() {
    let mut engine = locked(hardened::lockdown::ErrorTaming::Unsafe);
    let guest = guest(&mut engine);
    let stack = |engine: &mut Engine, source: &str| -> String {
        engine
            .evaluate::<String>(&guest, Source::named("g.js", source))
            .unwrap()
    };
    // Block wrapper (let), function wrapper with `return ` on the error's line, a line
    // separator before the insertion, CR line ends.
    let cases = [
        (
            "let e;\ntry { null.x } catch (x) { e = x }\ne.stack",
            "g.js:2:12",
        ),
        (
            "var e;\ntry { null.x } catch (x) { e = x }\ne.stack",
            "g.js:2:12",
        ),
        (
            "var e; try { null.x } catch (x) { e = x } e.stack",
            "g.js:1:19",
        ),
        ("var e;\u{2028}1; e = new Error(); e.stack", "g.js:2:8"),
        ("var e;\r\n1; (e = new Error()).stack", "g.js:2:9"),
    ];
    for (source, place) in cases {
        let got = stack(&mut engine, source);
        assert!(got.contains(place), "{source:?}: {got:?}, expected {place}");
        assert!(!got.contains('\u{1}') && !got.contains('\u{2}'), "{got:?}");
    }
}
