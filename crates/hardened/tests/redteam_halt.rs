//! Red-team probes for the halt that follows a kept host panic (`host_panic::contain`,
//! `Watch::halt`, `Engine::guarded`'s host-panic branch).
//!
//! Every probe asserts the secure behaviour; the ones marked `#[ignore = "FINDING: ..."]` fail
//! today. Detection never uses a global lookup or a call after the panic (those fail once the
//! call is halted, which would hide a `catch` that did run): guest code writes to a local `L`
//! captured before the panic (`L[L.length] = 'X'`) or to `this` (the compartment's global).

use std::time::Duration;

use boa_engine::{Context, JsResult, JsString, JsValue, NativeFunction};
use hardened::{
    Compartment, CompartmentOptions, Engine, Error, Limit, Limits, LockdownOptions,
    ModuleDescriptor,
};

mod support;
use support::{Outcome, limits, observe};

fn host_bug() -> Outcome {
    Outcome::Panic("host bug".into())
}

fn fail_fn() -> NativeFunction {
    NativeFunction::from_fn_ptr(|_, _, _| panic!("host bug"))
}

/// A host "try" helper: calls its argument and reports a failure as a string.
fn attempt_fn() -> NativeFunction {
    NativeFunction::from_fn_ptr(|_, args, context| {
        let Some(f) = args.first().and_then(JsValue::as_callable) else {
            return Ok(JsValue::undefined());
        };
        match f.call(&JsValue::undefined(), &[], context) {
            Ok(value) => Ok(value),
            Err(error) => Ok(JsString::from(format!("error: {error}")).into()),
        }
    })
}

/// A host function that calls its argument and reports only whether it succeeded.
fn succeeded_fn() -> NativeFunction {
    NativeFunction::from_fn_ptr(|_, args, context| {
        let Some(f) = args.first().and_then(JsValue::as_callable) else {
            return Ok(false.into());
        };
        Ok(f.call(&JsValue::undefined(), &[], context).is_ok().into())
    })
}

/// A well-behaved async endowment whose future has a bug.
fn async_fail_fn() -> NativeFunction {
    async fn body(
        _: &JsValue,
        _: &[JsValue],
        _: &std::cell::RefCell<&mut Context>,
    ) -> JsResult<JsValue> {
        std::future::ready(()).await;
        panic!("async host bug")
    }
    NativeFunction::from_async_fn(body)
}

/// Calls its argument, ignores how it ended, then panics (a host bug after a callback).
fn call_then_panic_fn() -> NativeFunction {
    NativeFunction::from_fn_ptr(|_, args, context| {
        if let Some(f) = args.first().and_then(JsValue::as_callable) {
            let _ = f.call(&JsValue::undefined(), &[], context);
        }
        panic!("host bug")
    })
}

fn options() -> CompartmentOptions {
    CompartmentOptions::new()
        .function("callThenPanic", 1, call_then_panic_fn())
        .function("fail", 0, fail_fn())
        .function("attempt", 1, attempt_fn())
        .function("succeeded", 1, succeeded_fn())
        .function("asyncFail", 0, async_fail_fn())
}

fn world_with(
    extra: impl FnOnce(CompartmentOptions) -> CompartmentOptions,
) -> (Engine, Compartment) {
    let mut engine = Engine::new().unwrap();
    engine.lockdown(LockdownOptions::default()).unwrap();
    engine.set_limits(limits());
    let guest = engine.new_compartment(extra(options())).unwrap();
    engine.run_script(&guest, "globalThis.log = [];").unwrap();
    (engine, guest)
}

fn world() -> (Engine, Compartment) {
    world_with(|o| o)
}

fn log(engine: &mut Engine, guest: &Compartment) -> String {
    engine
        .evaluate::<String>(guest, "log.join(',')")
        .unwrap_or_else(|e| format!("<{e}>"))
}

/// `evaluate`, then `run_jobs`, as one observed host step.
fn run(engine: &mut Engine, guest: &Compartment, source: &str) -> Outcome {
    observe(|| {
        let first = engine.evaluate_value(guest, source).map(drop);
        let jobs = engine.run_jobs();
        (first, jobs)
    })
}

// ------------------------------------------------------------------------------------------
// Goal 1: guest code after the panic, detected without globals or calls.
// ------------------------------------------------------------------------------------------

/// The continuations of `redteam_panics.rs`'s table and more, with detection that still works
/// in a halted call (a `catch` that ran but whose `log.push` failed would pass there).
#[test]
fn no_continuation_runs_detected_without_globals() {
    let sources: &[(&str, &str)] = &[
        (
            "try/catch/finally",
            "const L = log; try { fail() } catch { L[L.length] = 'CATCH' } finally { L[L.length] = 'FINALLY' }",
        ),
        (
            "nested finally in a loop",
            "const L = log; out: for (;;) { try { try { fail() } finally { L[L.length] = 'INNER'; break out; } } finally { L[L.length] = 'OUTER' } }",
        ),
        (
            "catch in a callee frame",
            "const L = log; function f() { try { fail() } catch { L[L.length] = 'CATCH' } } f();",
        ),
        (
            "generator finally (return)",
            "const L = log; function* g() { try { yield 1 } finally { L[L.length] = 'before'; fail(); L[L.length] = 'AFTER' } } const it = g(); it.next(); try { it.return() } catch { L[L.length] = 'CATCH' }",
        ),
        (
            "generator body catch",
            "const L = log; function* g() { try { fail() } catch { L[L.length] = 'CATCH' } finally { L[L.length] = 'FINALLY' } } try { g().next() } catch { L[L.length] = 'OUTER' }",
        ),
        (
            "yield* delegation catch",
            "const L = log; function* inner() { fail() } function* outer() { try { yield* inner() } catch { L[L.length] = 'CATCH' } } try { outer().next() } catch { L[L.length] = 'OUTER' }",
        ),
        (
            "for-of close into a generator's finally",
            "const L = log; function* g() { try { yield 1; yield 2 } finally { L[L.length] = 'GEN-FINALLY' } } for (const x of g()) fail();",
        ),
        (
            "array destructuring close into a generator's finally",
            "const L = log; function* g() { try { yield 1; } finally { L[L.length] = 'GEN-FINALLY' } } const [a = fail()] = [undefined]; ",
        ),
        (
            "Array.from close into a generator's finally",
            "const L = log; function* g() { try { yield 1; yield 2 } finally { L[L.length] = 'GEN-FINALLY' } } Array.from(g(), () => fail());",
        ),
        (
            "Promise.all close into a generator's finally",
            "const L = log; function* g() { try { yield 1; yield 2 } finally { L[L.length] = 'GEN-FINALLY' } } class P extends Promise { static resolve(v) { fail() } } P.all(g());",
        ),
        (
            "iterator helper close",
            "const L = log; function* g() { try { yield 1; yield 2 } finally { L[L.length] = 'GEN-FINALLY' } } typeof Iterator === 'function' && Iterator.from(g()).map(() => fail()).toArray();",
        ),
        (
            "proxy trap catch",
            "const L = log; const p = new Proxy({}, { get: () => fail() }); try { p.x } catch { L[L.length] = 'CATCH' }",
        ),
        (
            "getter catch",
            "const L = log; const o = { get x() { fail() } }; try { o.x } catch { L[L.length] = 'CATCH' }",
        ),
        (
            "JSON.parse reviver",
            "const L = log; try { JSON.parse('[1,2]', () => fail()) } catch { L[L.length] = 'CATCH' }",
        ),
        (
            "String.prototype.replace callback",
            "const L = log; try { 'aaa'.replace(/a/g, () => fail()) } catch { L[L.length] = 'CATCH' }",
        ),
        (
            "tagged template",
            "const L = log; try { fail`x` } catch { L[L.length] = 'CATCH' }",
        ),
        (
            "class field initializer",
            "const L = log; class C { x = fail(); } try { new C() } catch { L[L.length] = 'CATCH' }",
        ),
        (
            "class static block",
            "const L = log; try { class C { static { fail() } } } catch { L[L.length] = 'CATCH' }",
        ),
        (
            "sort comparator",
            "const L = log; try { [3,1,2,5,4].sort((a, b) => { if (a === 5) fail(); return a - b }) } catch { L[L.length] = 'CATCH' }",
        ),
        (
            "Promise executor",
            "const L = log; const p = new Promise(() => fail()); L[L.length] = 'AFTER-EXECUTOR';",
        ),
        (
            "thenable resolution getter",
            "const L = log; new Promise(r => r({ get then() { fail() } })); L[L.length] = 'AFTER-RESOLVE';",
        ),
        (
            "async function body",
            "const L = log; (async () => { try { fail() } catch { L[L.length] = 'CATCH' } })(); L[L.length] = 'AFTER-ASYNC';",
        ),
        (
            "await continuation",
            "const L = log; (async () => { await 0; try { fail() } catch { L[L.length] = 'CATCH' } finally { L[L.length] = 'FINALLY' } })(); Promise.resolve().then(() => { L[L.length] = 'SIBLING' });",
        ),
        (
            "for await",
            "const L = log; (async () => { try { for await (const x of [1, 2]) fail() } catch { L[L.length] = 'CATCH' } })()",
        ),
        (
            "child compartment catch",
            "const L = log; const c = new Compartment({ globals: { fail, L }, __options__: true }); try { c.evaluate(\"try { fail() } catch { L[L.length] = 'CHILD-CATCH' }\") } catch { L[L.length] = 'CATCH' }",
        ),
        (
            "child compartment evaluate returns",
            "const L = log; const c = new Compartment({ globals: { fail }, __options__: true }); try { c.evaluate('fail()') } catch { L[L.length] = 'CATCH' }",
        ),
        (
            "Reflect.apply / bind",
            "const L = log; try { Reflect.apply(fail.bind(null), null, []) } catch { L[L.length] = 'CATCH' }",
        ),
        (
            "toString via template literal",
            "const L = log; try { `${{ toString: fail }}` } catch { L[L.length] = 'CATCH' }",
        ),
        (
            "valueOf via arithmetic",
            "const L = log; try { ({ valueOf: fail }) + 1 } catch { L[L.length] = 'CATCH' }",
        ),
        (
            "instanceof Symbol.hasInstance",
            "const L = log; try { ({}) instanceof { [Symbol.hasInstance]: fail } } catch { L[L.length] = 'CATCH' }",
        ),
        (
            "with-free spread",
            "const L = log; try { [...{ [Symbol.iterator]: fail }] } catch { L[L.length] = 'CATCH' }",
        ),
    ];
    let mut findings = Vec::new();
    for (name, source) in sources {
        let (mut engine, guest) = world();
        let outcome = run(&mut engine, &guest, source);
        let later = observe(|| engine.run_jobs());
        let usable = engine.is_usable();
        let log = log(&mut engine, &guest);
        let ok = outcome == host_bug()
            && later == Outcome::Returned("Ok(())".into())
            && usable
            && !log.contains(|c: char| c.is_ascii_uppercase());
        eprintln!(
            "[{}] {name}: outcome={outcome:?} later={later:?} usable={usable} log={log:?}",
            if ok { "ok" } else { "FINDING" }
        );
        if !ok {
            findings.push(format!(
                "{name}: outcome={outcome:?} later={later:?} usable={usable} log={log:?}"
            ));
        }
    }
    assert!(findings.is_empty(), "findings:\n{}", findings.join("\n"));
}

/// A host function that turns a callback's failure into a value (a common "try" helper, not
/// itself a panic): the guest's code after it goes on in the halted call, with everything that
/// needs no global, no call and no second loop iteration: it reads the halt's error text and
/// stores it on its global (`this`), where a later call finds it.
#[test]
fn guest_code_runs_after_the_panic_through_a_value_returning_host() {
    let (mut engine, guest) = world();
    let outcome = run(
        &mut engine,
        &guest,
        "const L = log; const self = this; const succeededLocal = succeeded; const failLocal = fail;
         const r = attempt(() => fail());
         self.leaked = r;
         L[L.length] = 'AFTER';
         let n = 0; while (n < 5) { L[L.length] = 'WHILE' + n; n++ }
         L[L.length] = 'SECOND-HOST-CALL';
         const s = succeededLocal(() => 0);
         L[L.length] = 'NOT-REACHED';",
    );
    let leaked = engine
        .evaluate::<String>(&guest, "String(globalThis.leaked)")
        .unwrap();
    let log = log(&mut engine, &guest);
    eprintln!("outcome={outcome:?} leaked={leaked:?} log={log:?}");
    assert_eq!(outcome, host_bug());
    assert_eq!(
        leaked, "undefined",
        "the guest kept the halt's error: {leaked}"
    );
    assert_eq!(log, "", "guest code ran after the panic");
}

/// The same, with the host function used as a getter by a native: straight-line code after a
/// native that got an error from the host function cannot run (it propagates), but code after
/// the host helper does.
#[test]
fn guest_code_after_the_panic_can_compute_and_branch() {
    let (mut engine, guest) = world();
    let outcome = run(
        &mut engine,
        &guest,
        "const L = log;
         const r = attempt(() => fail());
         if (r.indexOf === undefined) {} // no call
         L[L.length] = r.length > 0 ? 'SAW-ERROR' : 'NOTHING';
         L[L.length] = r.slice === undefined ? 'X' : 'HAS-SLICE';",
    );
    let log = log(&mut engine, &guest);
    eprintln!("outcome={outcome:?} log={log:?}");
    assert_eq!(outcome, host_bug());
    assert_eq!(log, "");
}

// ------------------------------------------------------------------------------------------
// Goal 3: a host panic wrongly poisons the engine / is not raised.
// ------------------------------------------------------------------------------------------

/// A host panic in the synchronous part of a module with top-level await: Boa's
/// `execute_async` `expect("async modules cannot directly throw")` panics on the uncatchable
/// error, and the engine is poisoned. Only the async generator case is documented.
#[test]
#[ignore = "FINDING: a host panic before a top-level-await module's first await poisons the engine (Boa expect in execute_async)"]
fn a_host_panic_in_a_tla_module_before_its_first_await() {
    let (mut engine, guest) =
        world_with(|o| o.module("tla", ModuleDescriptor::source("fail(); await 0;")));
    let outcome = observe(|| engine.import(&guest, "tla").map(drop));
    let usable = engine.is_usable();
    eprintln!("import tla: {outcome:?} usable={usable}");
    assert_eq!(outcome, host_bug());
    assert!(usable, "a host panic poisoned the engine");
}

/// Same, reached from guest `import()`.
#[test]
#[ignore = "FINDING: a host panic before a top-level-await module's first await poisons the engine (Boa expect in execute_async)"]
fn a_host_panic_in_a_tla_module_via_guest_import() {
    let (mut engine, guest) = world_with(|o| {
        o.module(
            "tla",
            ModuleDescriptor::source("const L = log; fail(); L[L.length] = 'AFTER'; await 0;"),
        )
    });
    let outcome = run(
        &mut engine,
        &guest,
        "import('tla').catch(() => { log.push('CAUGHT') })",
    );
    let usable = engine.is_usable();
    eprintln!("guest import tla: {outcome:?} usable={usable}");
    assert_eq!(outcome, host_bug());
    assert!(usable, "a host panic poisoned the engine");
}

/// A TLA module whose host panic comes after its first await: the await continuation drops the
/// error (documented), the module's evaluation never settles.
#[test]
fn a_host_panic_in_a_tla_module_after_its_first_await() {
    let (mut engine, guest) = world_with(|o| {
        o.module(
            "tla",
            ModuleDescriptor::source("const L = log; await 0; fail(); L[L.length] = 'AFTER';"),
        )
    });
    let outcome = observe(|| engine.import(&guest, "tla").map(drop));
    let usable = engine.is_usable();
    let again = observe(|| engine.import(&guest, "tla").map(drop));
    let log = log(&mut engine, &guest);
    eprintln!("import tla (after await): {outcome:?} usable={usable} again={again:?} log={log:?}");
    assert_eq!(outcome, host_bug());
    assert!(usable);
    assert_eq!(log, "");
}

/// An async endowment (`NativeFunction::from_async_fn`, the documented way to write an async
/// Boa native) whose future panics: the future is polled by the job queue, outside
/// `host_panic::contain`, so the host's panic is taken for Boa's: the engine is poisoned and
/// the host gets `Error::Unusable` instead of its panic.
#[test]
fn a_panic_in_an_async_endowment_is_the_hosts() {
    let (mut engine, guest) = world();
    let outcome = run(
        &mut engine,
        &guest,
        "asyncFail().then(() => log.push('OK'))",
    );
    let usable = engine.is_usable();
    eprintln!("async endowment: {outcome:?} usable={usable}");
    assert_eq!(outcome, Outcome::Panic("async host bug".into()));
    assert!(usable, "a host panic poisoned the engine");
}

/// A host function that panics after its guest callback ended abruptly (a thrown error, each
/// limit, a deep stack): the panic is the host's own, raised, and the engine stays usable.
#[test]
fn a_host_panic_after_a_callback_that_hit_a_limit_is_the_hosts() {
    let cases: &[(&str, &str)] = &[
        ("normal return", "callThenPanic(() => 1)"),
        (
            "thrown error",
            "callThenPanic(() => { throw new Error('x') })",
        ),
        ("loop limit", "callThenPanic(() => { for (;;) {} })"),
        (
            "recursion limit",
            "callThenPanic(function r() { return r() + 1 })",
        ),
        (
            "recursion limit inside a generator",
            "callThenPanic(() => { function* g() { yield* g() } [...g()] })",
        ),
        (
            "recursion limit in a getter chain",
            "callThenPanic(() => { const o = { get x() { return o.x } }; o.x })",
        ),
        (
            "native stack (proxy chain)",
            "callThenPanic(() => { let p = {}; for (let i = 0; i < 100000; i++) p = new Proxy(p, {}); p.x })",
        ),
        (
            "deep callback nesting in host calls",
            "callThenPanic(() => { let f = () => 0; for (let i = 0; i < 2000; i++) { const g = f; f = () => [0].map(g) } f() })",
        ),
        ("nested host panic first", "callThenPanic(() => fail())"),
    ];
    let mut findings = Vec::new();
    for (name, source) in cases {
        let (mut engine, guest) = world();
        engine.set_limits(limits().loop_iterations(10_000).recursion(200));
        let outcome = run(&mut engine, &guest, source);
        let usable = engine.is_usable();
        let after = engine.evaluate::<f64>(&guest, "[1, 2].map(x => x + 1).length");
        let ok = outcome == host_bug() && usable && after.as_ref().ok() == Some(&2.0);
        // A second panic after a kept one poisons by design.
        let expected_poison = *name == "nested host panic first";
        let ok = ok || (expected_poison && outcome == host_bug() && !usable);
        eprintln!(
            "[{}] {name}: outcome={outcome:?} usable={usable} after={after:?}",
            if ok { "ok" } else { "FINDING" }
        );
        if !ok {
            findings.push(format!(
                "{name}: outcome={outcome:?} usable={usable} after={after:?}"
            ));
        }
    }
    assert!(findings.is_empty(), "findings:\n{}", findings.join("\n"));
}

// ------------------------------------------------------------------------------------------
// Goal 2: the halt's lowered limits, or the halt itself, reach a later call.
// ------------------------------------------------------------------------------------------

/// After a halt through each entry point: the configured loop limit and recursion limit apply
/// again (not 0, not disabled), calls work, the timeout applies.
#[test]
fn limits_come_back_after_a_halt_through_every_entry_point() {
    type Entry = fn(&mut Engine, &Compartment);
    let entries: &[(&str, Entry)] = &[
        ("evaluate", |e, g| {
            let _ = e.evaluate_value(g, "fail()");
        }),
        ("run_script", |e, g| {
            let _ = e.run_script(g, "fail()");
        }),
        ("call", |e, g| {
            let f = e.evaluate_value(g, "() => fail()").unwrap();
            let _ = e.call(&f.as_object().unwrap(), &JsValue::undefined(), &[]);
        }),
        ("call (in a job it runs)", |e, g| {
            let f = e
                .evaluate_value(g, "() => { Promise.resolve().then(() => fail()) }")
                .unwrap();
            let _ = e.call(&f.as_object().unwrap(), &JsValue::undefined(), &[]);
        }),
        ("get (getter)", |e, g| {
            let o = e.evaluate_value(g, "({ get x() { fail() } })").unwrap();
            let _ = e.get::<JsValue>(&o.as_object().unwrap(), "x");
        }),
        ("set (setter)", |e, g| {
            let o = e.evaluate_value(g, "({ set x(v) { fail() } })").unwrap();
            let _ = e.set(&o.as_object().unwrap(), "x", 1);
        }),
        ("set_global (proxy-free setter on global)", |e, g| {
            e.run_script(
                g,
                "Object.defineProperty(globalThis, 'trap', { set(v) { fail() }, configurable: true })",
            )
            .unwrap();
            let _ = e.set_global(g, "trap", 1);
        }),
        ("run_jobs", |e, g| {
            e.run_script(g, "Promise.resolve().then(() => fail())")
                .unwrap();
            let _ = e.run_jobs();
        }),
        ("settle", |e, g| {
            let p = e
                .evaluate_value(g, "Promise.resolve().then(() => fail())")
                .unwrap();
            let _ = e.settle(&p);
        }),
        ("import", |e, g| {
            let _ = e.import(g, "boom");
        }),
        ("import_now", |e, g| {
            let _ = e.import_now(g, "boom");
        }),
        ("evaluate_module", |e, g| {
            let _ = e.evaluate_module(g, "inline", "fail();");
        }),
        ("harden (proxy trap)", |e, g| {
            let p = e
                .evaluate_value(g, "new Proxy({}, { ownKeys() { fail() } })")
                .unwrap();
            let _ = e.harden(&p);
        }),
    ];
    let mut findings = Vec::new();
    for (name, entry) in entries {
        let (mut engine, guest) =
            world_with(|o| o.module("boom", ModuleDescriptor::source("fail();")));
        engine.set_limits(
            Limits::new()
                .timeout(Duration::from_secs(10))
                .loop_iterations(1000)
                .recursion(64),
        );
        let outcome = observe(|| entry(&mut engine, &guest));
        let usable = engine.is_usable();
        let looped = engine.evaluate_value(&guest, "let i = 0; for (;;) { i++ }");
        let deep =
            engine.evaluate_value(&guest, "function r(n) { return n ? r(n - 1) : 0 } r(100)");
        let shallow = engine.evaluate::<f64>(
            &guest,
            "function r(n) { return n ? 1 + r(n - 1) : 0 } r(30)",
        );
        let calls = engine.evaluate::<String>(&guest, "[1, 2].map(x => x * 2).join()");
        let ok = outcome == host_bug()
            && usable
            && matches!(looped, Err(Error::Limit(Limit::LoopIterations)))
            && matches!(deep, Err(Error::Limit(Limit::Recursion)))
            && shallow.as_ref().ok() == Some(&30.0)
            && calls.as_deref().ok() == Some("2,4");
        eprintln!(
            "[{}] {name}: outcome={outcome:?} usable={usable} loop={looped:?} deep={deep:?} shallow={shallow:?} calls={calls:?}",
            if ok { "ok" } else { "FINDING" }
        );
        if !ok {
            findings.push(format!("{name}: outcome={outcome:?} usable={usable} loop={looped:?} deep={deep:?} shallow={shallow:?} calls={calls:?}"));
        }
    }
    assert!(findings.is_empty(), "findings:\n{}", findings.join("\n"));
}

/// A halt leaves no Boa limit lowered for a host that then uses the raw context (its
/// documented use: building values, reading results).
#[test]
fn raw_context_after_a_halt_has_the_engines_limits() {
    let (mut engine, guest) = world();
    engine.set_limits(limits().recursion(100));
    let outcome = observe(|| engine.evaluate_value(&guest, "fail()").map(drop));
    assert_eq!(outcome, host_bug());
    let limits = engine.raw_context().runtime_limits();
    eprintln!(
        "raw limits after halt: recursion={} loop={}",
        limits.recursion_limit(),
        limits.loop_iteration_limit()
    );
    assert_eq!(limits.recursion_limit(), 100);
    assert_eq!(limits.loop_iteration_limit(), 50_000_000);
}

/// A halt in one drain drops a module load that was waiting on a guest import hook's promise:
/// the compartment's memo keeps the specifier `Loading` with a slot nothing settles, and every
/// later import of it in a later call fails ("never settled").
#[test]
#[ignore = "FINDING: a halted drain leaves a module load stuck in the memo; later imports of it fail"]
fn a_halt_mid_load_leaves_no_stuck_module() {
    // Control: without the halt, the same import works.
    {
        let (mut engine, guest) = world();
        engine
            .run_script(
                &guest,
                "globalThis.child = new Compartment({ __options__: true, resolveHook: (s) => s,
                   importHook: async (s) => { await 0; await 0; return { source: new ModuleSource('export default 42;') }; } });
                 child.import('slow').then(ns => { log.push('ok:' + (ns.namespace ?? ns).default) }, e => { log.push('err:' + e.message) })",
            )
            .unwrap();
        engine.run_jobs().unwrap();
        assert_eq!(log(&mut engine, &guest), "ok:42", "control");
    }
    let (mut engine, guest) = world();
    engine
        .run_script(
            &guest,
            "globalThis.child = new Compartment({
                 __options__: true,
                 globals: { fail },
                 resolveHook: (s) => s,
                 importHook: async (s) => { await 0; await 0; return { source: new ModuleSource('export default 42;') }; },
             });",
        )
        .unwrap();
    let outcome = run(
        &mut engine,
        &guest,
        "child.import('slow'); Promise.resolve().then(() => fail());",
    );
    eprintln!("halted with a load in flight: {outcome:?}");
    assert_eq!(outcome, host_bug());
    let later = engine.evaluate_value(
        &guest,
        "child.import('slow').then(ns => { log.push('ok:' + (ns.namespace ?? ns).default) }, e => { log.push('err:' + e.message) })",
    );
    let jobs = engine.run_jobs();
    let log = log(&mut engine, &guest);
    eprintln!("later import: {later:?} jobs={jobs:?} log={log:?}");
    assert_eq!(log, "ok:42", "a later call's import failed: {log}");
}

/// Baseline for the previous probe: the same load interrupted by a timeout instead of a host
/// panic (is the stuck memo specific to the halt?).
#[test]
#[ignore = "FINDING (baseline, not halt-specific): a drain stopped by a limit leaves a module load stuck in the memo"]
fn a_timeout_mid_load_leaves_no_stuck_module() {
    let (mut engine, guest) = world();
    engine
        .run_script(
            &guest,
            "globalThis.child = new Compartment({
                 __options__: true,
                 resolveHook: (s) => s,
                 importHook: async (s) => { await 0; await 0; return { source: new ModuleSource('export default 42;') }; },
             });",
        )
        .unwrap();
    engine.set_limits(
        Limits::new()
            .timeout(Duration::from_millis(300))
            .loop_iterations(50_000_000),
    );
    let first = engine.evaluate_value(
        &guest,
        "child.import('slow'); Promise.resolve().then(() => { for (;;) { Math } });",
    );
    let stopped = engine.run_jobs();
    eprintln!("first={first:?} stopped={stopped:?}");
    engine.set_limits(limits());
    let _ = engine.evaluate_value(
        &guest,
        "child.import('slow').then(ns => { log.push('ok:' + (ns.namespace ?? ns).default) }, e => { log.push('err:' + e.message) })",
    );
    let jobs = engine.run_jobs();
    let log = log(&mut engine, &guest);
    eprintln!("later import: jobs={jobs:?} log={log:?}");
    assert_eq!(log, "ok:42", "a later call's import failed: {log}");
}

/// A host that catches the panic of an `Engine` call and goes on using the same engine many
/// times, mixing halted calls and ordinary ones: no state accumulates (loop counters, value
/// stack, the watch).
#[test]
fn alternating_halts_and_calls_stay_consistent() {
    let (mut engine, guest) = world();
    engine.set_limits(limits().loop_iterations(10_000));
    engine
        .run_script(
            &guest,
            "globalThis.work = (n) => { let s = 0; for (let i = 0; i < n; i++) s += i; return s };",
        )
        .unwrap();
    for round in 0..200 {
        let outcome = observe(|| {
            engine
                .evaluate_value(
                    &guest,
                    "for (let i = 0; i < 5; i++) { if (i === 3) fail() }",
                )
                .map(drop)
        });
        assert_eq!(outcome, host_bug(), "round {round}");
        let sum = engine.evaluate::<f64>(&guest, "work(5000)").unwrap();
        assert_eq!(sum, 12_497_500.0, "round {round}");
    }
    assert!(engine.is_usable());
}

/// Coroutines whose body the halt stopped mid-run are resumed in a later call: the engine must
/// stay usable, and no code of the halted body may run then.
#[test]
fn coroutines_halted_in_one_call_are_inert_in_the_next() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "generator halted mid-body, next()",
            "globalThis.g = (function* () { try { yield 1; fail(); yield 2 } finally { log.push('FINALLY') } })(); g.next(); g.next();",
            "let r; try { r = JSON.stringify(g.next()) } catch (e) { r = 'threw ' + e.name } r",
        ),
        (
            "generator halted mid-body, return()",
            "globalThis.g = (function* () { try { yield 1; fail(); yield 2 } finally { log.push('FINALLY') } })(); g.next(); g.next();",
            "let r; try { r = JSON.stringify(g.return(5)) } catch (e) { r = 'threw ' + e.name } r",
        ),
        (
            "generator halted in its finally, throw()",
            "globalThis.g = (function* () { try { yield 1 } finally { fail(); log.push('AFTER'); yield 3 } })(); g.next(); g.return();",
            "let r; try { r = JSON.stringify(g.throw(new Error('x'))) } catch (e) { r = 'threw ' + e.name } r",
        ),
        (
            "yield* delegate halted, outer next()",
            "function* inner() { yield 1; fail(); yield 2 } globalThis.g = (function* () { try { yield* inner() } finally { log.push('FINALLY') } })(); g.next(); g.next();",
            "let r; try { r = JSON.stringify(g.next()) } catch (e) { r = 'threw ' + e.name } r",
        ),
        (
            "async generator halted after an await, next()",
            "globalThis.g = (async function* () { try { yield 1; await 0; fail(); yield 2 } finally { log.push('FINALLY') } })(); g.next(); g.next();",
            "let r = 'pending'; g.next().then(v => { log.push('RESOLVED:' + JSON.stringify(v)) }, e => { log.push('rejected:' + e.name) }); r",
        ),
        (
            "async generator halted after an await, return()",
            "globalThis.g = (async function* () { try { yield 1; await 0; fail(); yield 2 } finally { log.push('FINALLY') } })(); g.next(); g.next();",
            "g.return(7).then(v => { log.push('returned:' + JSON.stringify(v)) }, e => { log.push('rejected:' + e.name) }); 'x'",
        ),
        (
            "async function halted after an await, its promise",
            "globalThis.p = (async () => { try { await 0; fail() } finally { log.push('FINALLY') } })();",
            "p.then(v => { log.push('RESOLVED') }, e => { log.push('REJECTED') }); 'x'",
        ),
        (
            "iterator helper over a halted generator",
            "function* src() { yield 1; fail(); yield 2 } globalThis.g = Iterator.from(src()).map(x => x * 2); g.next(); g.next();",
            "let r; try { r = JSON.stringify(g.next()) } catch (e) { r = 'threw ' + e.name } r",
        ),
    ];
    let mut findings = Vec::new();
    for (name, first, later) in cases {
        let (mut engine, guest) = world();
        let outcome = run(&mut engine, &guest, first);
        let resumed = observe(|| {
            let value = engine
                .evaluate::<String>(&guest, later)
                .map_err(|e| e.to_string());
            let jobs = engine.run_jobs().map_err(|e| e.to_string());
            (value, jobs)
        });
        let usable = engine.is_usable();
        let log = log(&mut engine, &guest);
        let ok = outcome == host_bug()
            && matches!(&resumed, Outcome::Returned(_))
            && usable
            && !log.contains(|c: char| c.is_ascii_uppercase());
        eprintln!(
            "[{}] {name}: first={outcome:?} later={resumed:?} usable={usable} log={log:?}",
            if ok { "ok" } else { "FINDING" }
        );
        if !ok {
            findings.push(format!(
                "{name}: first={outcome:?} later={resumed:?} usable={usable} log={log:?}"
            ));
        }
    }
    assert!(findings.is_empty(), "findings:\n{}", findings.join("\n"));
}

// ------------------------------------------------------------------------------------------
// Goal 4: jobs queued before the panicking call.
// ------------------------------------------------------------------------------------------

/// Jobs an earlier call left queued (`evaluate` runs none) are dropped by a later call's halt,
/// with the halted call's own: a promise the host holds from the earlier call never settles.
/// This asserts what happens today (fail-closed); the report judges it.
#[test]
fn jobs_of_an_earlier_call_are_dropped_by_a_later_halt() {
    let (mut engine, guest) = world();
    let earlier = engine
        .evaluate_value(
            &guest,
            "Promise.resolve(20).then(x => { log.push('EARLIER'); return x + 22 })",
        )
        .unwrap();
    let outcome = observe(|| engine.evaluate_value(&guest, "fail()").map(drop));
    assert_eq!(outcome, host_bug());
    let settled = engine.settle(&earlier);
    let log = log(&mut engine, &guest);
    eprintln!("earlier promise after a later halt: {settled:?} log={log:?}");
    assert!(settled.is_err(), "the earlier job survived: {settled:?}");
    assert_eq!(log, "");
}

/// A bystander compartment's pending work is dropped too.
#[test]
fn a_bystanders_jobs_are_dropped_by_another_compartments_halt() {
    let (mut engine, guest) = world();
    let bystander = engine.new_compartment(CompartmentOptions::new()).unwrap();
    engine
        .run_script(
            &bystander,
            "globalThis.done = false; Promise.resolve().then(() => { globalThis.done = true })",
        )
        .unwrap();
    let outcome = observe(|| engine.evaluate_value(&guest, "fail()").map(drop));
    assert_eq!(outcome, host_bug());
    engine.run_jobs().unwrap();
    let done = engine.evaluate::<bool>(&bystander, "done").unwrap();
    eprintln!("bystander job ran after another compartment's halt: {done}");
    assert!(!done);
}
