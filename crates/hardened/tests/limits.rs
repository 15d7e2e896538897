//! Runaway guests are stopped by the engine's limits with an error guest code cannot catch, and
//! the engine stays usable afterwards.

use std::time::Duration;

use hardened::{CompartmentOptions, Engine, Error, Limit, Limits, LockdownOptions};

fn engine(limits: Limits) -> (Engine, hardened::Compartment) {
    let mut engine = Engine::new().expect("engine");
    engine
        .lockdown(LockdownOptions::default())
        .expect("lockdown");
    engine.set_limits(limits);
    let guest = engine
        .new_compartment(CompartmentOptions::new())
        .expect("compartment");
    (engine, guest)
}

fn assert_usable(engine: &mut Engine, guest: &hardened::Compartment) {
    assert_eq!(
        engine
            .evaluate::<i32>(guest, "[1, 2, 3].reduce((a, b) => a + b)")
            .expect("usable"),
        6
    );
}

#[test]
fn loops_are_stopped_and_cannot_be_caught() {
    let (mut engine, guest) = engine(Limits::new().loop_iterations(100_000));
    for source in [
        "for (;;) {}",
        "try { while (true) {} } catch { 'caught' }",
        "try { for (;;) {} } finally { globalThis.ranFinally = true }",
    ] {
        let result = engine.evaluate_value(&guest, source);
        assert!(
            matches!(result, Err(Error::Limit(Limit::LoopIterations))),
            "{source}: {result:?}"
        );
        assert_usable(&mut engine, &guest);
    }
}

/// Found by `crates/fuzzing`: assigning an override-enabled property (`valueOf`) on a proxy
/// that claims the property but has no `set` trap sends the assignment back to lockdown's
/// setter, natively and without end; it used to overflow the stack and abort the process.
#[test]
fn native_reentry_through_a_proxy_is_stopped_not_a_crash() {
    // A thread with the default 2 MiB stack, as many hosts run guests on.
    std::thread::spawn(|| {
        let (mut engine, guest) = engine(Limits::new());
        let result = engine.evaluate_value(
            &guest,
            "const p = new Proxy({}, { getOwnPropertyDescriptor: () => ({ value: 1, configurable: true }) });
             try { p.valueOf = 2; } catch { 'caught' }",
        );
        assert!(
            matches!(result, Err(Error::Limit(Limit::Recursion))),
            "{result:?}"
        );
        assert_usable(&mut engine, &guest);
    })
    .join()
    .expect("no stack overflow");
}

/// Cycles made only of natives: no JavaScript frame is pushed, so only the entry check that
/// every intrinsic got stops them (issue: Boa counts JavaScript frames only).
#[test]
fn native_only_cycles_are_stopped_not_a_crash() {
    let cycles = [
        "const t = {}; const p = new Proxy(t, {}); Object.setPrototypeOf(t, p); p.x",
        "const o = {}; Object.defineProperty(o, 'x', { get: Reflect.get.bind(null, o, 'x') }); o.x",
        "const o = {}; Object.defineProperty(o, 'length', { get: Array.prototype.indexOf }); o.length",
        "const o = {}; o.toISOString = Date.prototype.toJSON; o.toISOString()",
        "const o = {}; o.then = Promise.prototype.catch; o.then()",
        "const o = {}; o.exec = RegExp.prototype.test; o.exec('x')",
        "const o = {}; Object.defineProperty(o, Symbol.toStringTag, { get: Object.prototype.toString }); String(o)",
        "const o = {}; Object.defineProperty(o, 'x', { set: Reflect.set.bind(null, o, 'x', 1) }); o.x = 1",
        "const o = {}; Object.defineProperty(o, 'name', { get: Error.prototype.toString }); String(Error.prototype.toString.call(o))",
        "const f = Function.prototype.call; const o = {}; Object.defineProperty(o, 'x', { get: f.bind(Reflect.get, null, o, 'x') }); o.x",
        "const o = {}; Object.defineProperty(o, 'x', { get: Reflect.apply.bind(null, Reflect.get, null, [o, 'x']) }); o.x",
        "const t = {}; const p = new Proxy(t, { get: Reflect.get }); Object.setPrototypeOf(t, p); p.x",
        // Natives made after the engine was built: a compartment's own Function and
        // Compartment, and lockdown's tamings (the issue 14 red team's third round).
        "const o = {}; Object.defineProperty(o, Symbol.toPrimitive, { get: Function.bind(null, o) }); Function(o)",
        "const c = new Compartment(); const opts = {}; Object.defineProperty(opts, 'sloppyGlobalsMode', { get: c.evaluate.bind(c, '1', opts) }); c.evaluate('1', opts)",
        "const o = {}; Object.defineProperty(o, Symbol.toPrimitive, { get: String.prototype.localeCompare.bind('a', o) }); 'a'.localeCompare(o)",
        "const e = new Error(); const stack = Object.getOwnPropertyDescriptor(Error.prototype, 'stack').get; Object.defineProperty(e, Symbol.toPrimitive, { get: stack.bind(e) }); String(e)",
        "const dv = new DataView(new ArrayBuffer(8)); const o = {}; Object.defineProperty(o, Symbol.toPrimitive, { get: dv.setFloat32.bind(dv, o) }); dv.setFloat32(o, 1)",
        // Boa closures no walk reaches: `finally`'s thenFinally (called again through the
        // `constructor` getter PromiseResolve reads) and valueThunk (red team 2026-12-05).
        "let V, T; const R = Promise.resolve(0); const Q = Promise.resolve(0); \
         Object.defineProperty(Q, 'then', { value: t => { V = t; } }); \
         const p1 = Promise.resolve(0); Object.defineProperty(p1, 'then', { value: tf => tf(R) }); p1.finally(() => Q); \
         const p2 = Promise.resolve(0); Object.defineProperty(p2, 'then', { value: tf => { T = tf; } }); p2.finally(V); \
         Object.defineProperty(R, 'constructor', { get: T.bind(undefined, 0) }); T(0)",
    ];
    for cycle in cycles {
        // A thread with the default 2 MiB stack, as many hosts run guests on.
        std::thread::spawn(move || {
            let (mut engine, guest) = engine(Limits::new());
            let result = engine.evaluate_value(&guest, cycle);
            assert!(
                matches!(result, Err(Error::Limit(Limit::Recursion))),
                "{cycle}: {result:?}"
            );
            assert_usable(&mut engine, &guest);
        })
        .join()
        .expect("no stack overflow");
    }
}

/// Before lockdown a guest can put a getter on `Function.prototype.prototype`; a builtin that
/// reads its new target's `prototype` must not hand it the body the entry check wraps.
#[test]
fn the_originals_behind_the_entry_check_stay_hidden() {
    std::thread::spawn(|| {
        let mut engine = Engine::new().expect("engine");
        let start = engine.start_compartment().clone();
        let seen: String = engine
            .evaluate(
                &start,
                "let seen = 'nothing';
                 Object.defineProperty(Function.prototype, 'prototype', { configurable: true,
                   get() { if (this !== Function.prototype) seen = typeof this; } });
                 for (const C of [Error, Object, Array, Promise, RegExp, Map, Iterator]) {
                   try { Reflect.construct(C, C === Promise ? [() => {}] : [], C); } catch {}
                 }
                 delete Function.prototype.prototype;
                 seen",
            )
            .expect("runs");
        assert_eq!(seen, "nothing");
    })
    .join()
    .expect("no stack overflow");
}

/// Sources built to make the parse bound too low (the red team's findings on issue 14) through
/// every entry point, on a default 2 MiB thread: each is refused with a SyntaxError or runs;
/// none may overflow the stack.
#[test]
fn sources_built_against_the_parse_bound_are_refused_or_run() {
    let deep = format!("{}1{}", "[".repeat(20_000), "]".repeat(20_000));
    let sources = [
        format!("let x =\u{a0}/[)]/;\n{deep}"),
        format!("let x =\u{feff}/[)]/;\n{deep}"),
        format!("var a=0,b=0;{};", "if(a)b;/**/else ".repeat(200_000)),
        format!("var a=0,b=0;{};", "if(a)b;\u{b}else ".repeat(200_000)),
        format!("x: do /[)]/; while (0);\n{deep}"),
        format!("let y = {{}}/{deep}/1"),
        format!("return {}1", "!".repeat(80_000)),
        format!("x = 1{}", ".a".repeat(200_000)),
    ];
    for source in sources {
        std::thread::spawn(move || {
            let (mut engine, guest) = engine(Limits::new());
            let quoted = serde_json::to_string(&source).expect("JSON text");
            for entry in [
                format!("(0, eval)({quoted})"),
                format!("Function({quoted})"),
                format!("new ModuleSource({quoted})"),
                format!("new Compartment().evaluate({quoted})"),
            ] {
                let result = engine.evaluate_value(&guest, &entry);
                match result {
                    Ok(_) => {}
                    Err(Error::Thrown(thrown)) => {
                        assert_eq!(
                            thrown.name,
                            "SyntaxError",
                            "{}: {}",
                            &entry[..40],
                            thrown.message
                        );
                    }
                    Err(other) => panic!("{}: {other:?}", &entry[..40]),
                }
            }
            assert_usable(&mut engine, &guest);
        })
        .join()
        .expect("no stack overflow");
    }
}

#[test]
fn deep_data_in_json_and_join_is_stopped_not_a_crash() {
    // Serializing or joining data nested a million deep recurses natively once per level.
    std::thread::spawn(|| {
        let (mut engine, guest) = engine(Limits::new());
        for source in [
            "let o = {}; for (let i = 0; i < 1e6; i++) o = { o }; try { JSON.stringify(o) } catch { 'caught' }",
            "let a = []; for (let i = 0; i < 1e6; i++) a = [a]; try { a.join() } catch { 'caught' }",
        ] {
            let result = engine.evaluate_value(&guest, source);
            assert!(
                matches!(result, Err(Error::Limit(Limit::Recursion))),
                "{source}: {result:?}"
            );
            assert_usable(&mut engine, &guest);
        }
    })
    .join()
    .expect("no stack overflow");
}

#[test]
fn recursion_is_stopped() {
    let (mut engine, guest) = engine(Limits::new().recursion(200));
    let result = engine.evaluate_value(
        &guest,
        "function f() { try { return f(); } catch { return 'caught'; } } f()",
    );
    assert!(
        matches!(result, Err(Error::Limit(Limit::Recursion))),
        "{result:?}"
    );
    assert_usable(&mut engine, &guest);
}

#[test]
fn timeouts_stop_work_spread_over_calls_and_jobs() {
    let (mut engine, guest) = engine(Limits::new().timeout(Duration::from_millis(200)));
    for source in [
        // Many short loops in many calls: no single loop is long.
        "function step() { let s = 0; for (let i = 0; i < 1000; i++) s += Math.abs(i); return s; } for (;;) step();",
        // A promise chain that never ends.
        "(async () => { for (;;) await null; })()",
        // Unbounded eval nesting.
        "for (;;) (0, eval)('1 + 1')",
    ] {
        let started = std::time::Instant::now();
        let result = engine
            .evaluate_value(&guest, source)
            .and_then(|_| engine.run_jobs());
        assert!(
            matches!(result, Err(Error::Limit(Limit::Timeout))),
            "{source}: {result:?}"
        );
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{source} ran {:?}",
            started.elapsed()
        );
        assert_usable(&mut engine, &guest);
    }
}

#[test]
fn pending_job_floods_are_stopped() {
    let (mut engine, guest) = engine(Limits::new().pending_jobs(10_000));
    let result = engine
        .evaluate_value(
            &guest,
            "for (let i = 0; i < 1e6; i++) Promise.resolve(i).then(x => x); 'queued'",
        )
        .and_then(|_| engine.run_jobs());
    assert!(
        matches!(result, Err(Error::Limit(Limit::PendingJobs))),
        "{result:?}"
    );
    assert_usable(&mut engine, &guest);
}

#[test]
fn limits_apply_to_module_code() {
    let (mut engine, guest) = engine(Limits::new().loop_iterations(10_000));
    let result = engine.evaluate_module(&guest, "spin", "for (;;) {}");
    assert!(
        matches!(result, Err(Error::Limit(Limit::LoopIterations))),
        "{result:?}"
    );
    let namespace = engine
        .evaluate_module(&guest, "ok", "export const x = 1;")
        .expect("a later module still runs");
    assert_eq!(engine.get::<i32>(&namespace, "x").expect("x"), 1);
}

/// On a thread with a huge stack (the CLI gives guests 8 GiB) a native-only cycle stops after a
/// bounded depth instead of recursing to the end of the stack (which took minutes; found as a
/// fuzzing timeout).
#[test]
fn native_recursion_is_bounded_on_a_huge_stack() {
    std::thread::Builder::new()
        .stack_size(4 << 30)
        .spawn(|| {
            let (mut engine, guest) = engine(Limits::new());
            let result = engine.evaluate_value(
                &guest,
                "const t = {}; const p = new Proxy(t, {}); Object.setPrototypeOf(t, p); p.x",
            );
            assert!(
                matches!(result, Err(Error::Limit(Limit::Recursion))),
                "{result:?}"
            );
            assert_eq!(engine.evaluate::<i32>(&guest, "6 * 7").unwrap(), 42);
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn a_lower_native_stack_limit_bounds_parses_but_not_code_admitted_before() {
    let depth = 2_500;
    let deep = format!(
        "export default {}0{};",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    // Under a small native-stack limit the same text is refused before Boa parses it.
    let (mut small, guest) = engine(Limits::new().native_stack(4 << 20));
    let refused = small.evaluate_value(&guest, &format!("new ModuleSource({deep:?})"));
    assert!(
        matches!(&refused, Err(Error::Thrown(thrown)) if thrown.name == "SyntaxError"),
        "{refused:?}"
    );
    // Admitted under the default limit, then loaded under a lower one: the compartment parses
    // the text again under the limit in force and refuses it; and whatever Boa compiles later
    // (a module is linked when first imported) gets at least the room its text was admitted
    // with (`parse::ADMITTED`), so neither path can overflow the stack.
    let (mut engine, _) = engine(Limits::new());
    let start = engine.start_compartment().clone();
    engine
        .evaluate_value(
            &start,
            &format!("globalThis.source = new ModuleSource({deep:?}); 0"),
        )
        .expect("the text is admitted under the default limit");
    let load = "const c = new Compartment({ modules: { deep: { source } } }); \
         let d = c.importNow('deep').default; let n = 0; while (Array.isArray(d)) { d = d[0]; n++; } n";
    assert_eq!(engine.evaluate::<f64>(&start, load).unwrap(), depth as f64);
    engine.set_limits(Limits::new().native_stack(4 << 20));
    let lowered = engine.evaluate::<f64>(&start, load);
    assert!(
        matches!(&lowered, Err(Error::Thrown(thrown)) if thrown.name == "SyntaxError"),
        "{lowered:?}"
    );
}

#[test]
fn a_limit_while_loading_a_module_graph_is_never_folded_into_a_catchable_error() {
    for aggregate in ["", "noAggregateLoadErrors: true,"] {
        let (mut engine, _) = engine(Limits::new().loop_iterations(100_000));
        let start = engine.start_compartment().clone();
        let loading = engine.evaluate_value(
            &start,
            &format!(
                "globalThis.outcome = 'pending';
                 const c = new Compartment({{ {aggregate}
                   modules: {{ a: {{ source: new ModuleSource(\"import './x'; import './y';\") }} }},
                   resolveHook: (specifier) => specifier,
                   importHook(specifier) {{
                     if (specifier === './y') for (;;) {{}}
                     throw new Error(specifier + ' failed normally');
                   }},
                 }});
                 c.import('a').then(() => {{ outcome = 'loaded'; }}, (e) => {{ outcome = String(e); }});"
            ),
        );
        let result = loading.and_then(|_| engine.run_jobs());
        assert!(
            matches!(result, Err(Error::Limit(Limit::LoopIterations))),
            "{aggregate}: {result:?}"
        );
        // The guest's rejection handler never saw the limit.
        assert_eq!(
            engine.evaluate::<String>(&start, "outcome").unwrap(),
            "pending",
            "{aggregate}"
        );
    }
}

/// A host reading or writing a global runs the guest's accessor under the same timeout.
#[test]
fn timeouts_stop_guest_accessors_the_host_reaches() {
    let (mut engine, guest) = engine(Limits::new().timeout(Duration::from_millis(200)));
    engine
        .evaluate_value(
            &guest,
            "const spin = () => { for (;;) Math.abs(1); };
             Object.defineProperty(globalThis, 'slow', { get: spin, set: spin });
             globalThis.trap = new Proxy({}, { get: spin });",
        )
        .expect("setup");
    let trap: boa_engine::JsObject = engine.get_global(&guest, "trap").expect("proxy");
    let started = std::time::Instant::now();
    let read = engine.get_global::<i32>(&guest, "slow");
    assert!(
        matches!(read, Err(Error::Limit(Limit::Timeout))),
        "{read:?}"
    );
    let write = engine.set_global(&guest, "slow", 1);
    assert!(
        matches!(write, Err(Error::Limit(Limit::Timeout))),
        "{write:?}"
    );
    let through = engine.get::<i32>(&trap, "x");
    assert!(
        matches!(through, Err(Error::Limit(Limit::Timeout))),
        "{through:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_usable(&mut engine, &guest);
}

/// The loop limit counts every loop of one call frame together, as `Limits::loop_iterations`
/// says; another call has its own count.
#[test]
fn the_loop_limit_counts_all_loops_of_a_call() {
    let (mut engine, guest) = engine(Limits::new().loop_iterations(1000));
    let two_loops =
        "let n = 0; for (let i = 0; i < 600; i++) n++; for (let i = 0; i < 600; i++) n++; n";
    assert!(matches!(
        engine.evaluate_value(&guest, two_loops),
        Err(Error::Limit(Limit::LoopIterations))
    ));
    let two_calls =
        "const f = () => { let n = 0; for (let i = 0; i < 600; i++) n++; return n; }; f() + f()";
    assert_eq!(engine.evaluate::<i32>(&guest, two_calls).unwrap(), 1200);
}
