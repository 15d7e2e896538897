//! Supervised workers under attack: every hostile request ends within its ceiling (plus a
//! margin for a loaded machine) with the limit it ran into, and the pool serves the next
//! request. The workers are this test program run again, so `main` serves first; the tests run
//! one after another (a pool's workers take the machine's cores).

use std::{
    path::PathBuf,
    sync::{Arc, atomic::AtomicUsize, atomic::Ordering},
    time::{Duration, Instant},
};

use hardened::{
    Error, Limit, Limits,
    worker::{HostFunctions, Pool, PoolBuilder, serde_json::json, serve_if_worker},
};

/// Slack on every deadline: process start-up and a loaded CI machine.
const MARGIN: Duration = Duration::from_secs(3);

fn modules() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/js/worker")
}

fn functions() -> HostFunctions {
    HostFunctions::new()
        .function("double", 1, |args| {
            let n = args
                .first()
                .and_then(|n| n.as_f64())
                .ok_or("not a number")?;
            Ok(json!(n * 2.0))
        })
        .function("refuse", 0, |_| Err("refused".to_owned()))
}

fn pool(builder: PoolBuilder) -> Pool {
    builder
        .modules(modules())
        .function("double")
        .function("refuse")
        .build()
        .expect("the pool starts")
}

/// Runs `request` and checks it ends within `deadline` (+ [`MARGIN`]), returning its result.
fn timed<T>(deadline: Duration, what: &str, request: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = request();
    let took = started.elapsed();
    assert!(
        took <= deadline + MARGIN,
        "{what}: took {took:?}, the ceiling is {deadline:?}"
    );
    println!("    {what}: {took:.2?}");
    result
}

fn still_serves(pool: &Pool) {
    assert_eq!(pool.evaluate("1 + 1").expect("the pool serves again"), 2);
}

fn requests_get_results_and_fresh_compartments() {
    let pool = pool(Pool::builder().global("tag", json!("blue")));
    assert_eq!(pool.evaluate("6 * 7").unwrap(), 42);
    assert_eq!(pool.evaluate("undefined").unwrap(), json!(null));
    assert_eq!(
        pool.evaluate("(async () => ({ list: [1, 'two'], tag }))()")
            .unwrap(),
        json!({ "list": [1, "two"], "tag": "blue" })
    );
    assert_eq!(
        pool.call("calc.mjs", "add", &[json!(2), json!(3)]).unwrap(),
        5
    );
    assert_eq!(
        pool.call("calc.mjs", "later", &[json!(21)]).unwrap(),
        json!({ "value": 42, "tag": "blue" })
    );
    // Each request has its own compartment: nothing one leaves behind is seen by the next.
    assert_eq!(pool.call("calc.mjs", "remember", &[json!(1)]).unwrap(), 1);
    assert_eq!(pool.call("calc.mjs", "remember", &[json!(2)]).unwrap(), 1);
    assert_eq!(
        pool.evaluate("globalThis.leak = 1; typeof leak").unwrap(),
        "number"
    );
    assert_eq!(pool.evaluate("typeof leak").unwrap(), "undefined");
    // Endowed data is hardened, and the intrinsics are locked down.
    assert_eq!(
        pool.evaluate("[Object.isFrozen(tag), Object.isFrozen(Array.prototype)]")
            .unwrap(),
        json!([true, true])
    );
}

fn errors_arrive_typed() {
    let pool = pool(Pool::builder());
    match pool.evaluate("throw new RangeError('no')") {
        Err(Error::Thrown(thrown)) => assert_eq!(thrown.to_string(), "RangeError: no"),
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(pool.evaluate("let"), Err(Error::Thrown(thrown)) if thrown.name == "SyntaxError")
    );
    assert!(matches!(
        pool.call("calc.mjs", "notAFunction", &[]),
        Err(Error::Conversion(_))
    ));
    assert!(matches!(
        pool.call("../start-compartment-assert.js", "x", &[]),
        Err(Error::Engine(message)) if message.contains("outside the module root")
    ));
    assert!(matches!(
        pool.call("missing.mjs", "x", &[]),
        Err(Error::Engine(_))
    ));
    // Host functions: JSON in and out, an `Err` thrown to the guest as an Error.
    assert_eq!(pool.call("calc.mjs", "callHost", &[json!(4)]).unwrap(), 8);
    assert_eq!(
        pool.evaluate("try { refuse() } catch (e) { [e instanceof Error, e.message] }")
            .unwrap(),
        json!([true, "refuse: refused"])
    );
    assert_eq!(
        pool.evaluate("const o = {}; o.o = o; try { double(o) } catch (e) { e.name }")
            .unwrap(),
        "TypeError"
    );
    // A thrown error's text is clipped, not shipped whole, also when escaping makes it longer.
    for filler in ["'x'", "'\\x01'", "'\\ud800'"] {
        match pool.evaluate(&format!("throw new Error({filler}.repeat(1 << 26))")) {
            Err(Error::Thrown(thrown)) => assert!(thrown.message.len() <= 16 << 10),
            other => panic!("{filler}: {other:?}"),
        }
    }
    still_serves(&pool);
}

fn a_result_too_large_or_not_data_is_refused() {
    let pool = pool(Pool::builder().max_result(1 << 20));
    assert!(matches!(
        pool.evaluate("'x'.repeat(2 << 20)"),
        Err(Error::Conversion(message)) if message.contains("byte limit")
    ));
    // The worker's own stringify of a result that nests without end stops, it does not crash.
    let endless = pool.evaluate("({ toJSON() { return [this]; } })");
    assert!(
        matches!(
            endless,
            Err(Error::Limit(Limit::Recursion) | Error::Thrown(_))
        ),
        "{endless:?}"
    );
    // A lone surrogate has no place in Rust's strings: a clear error, not a lossy copy.
    assert!(matches!(
        pool.evaluate("'\\ud800'"),
        Err(Error::Conversion(message)) if message.contains("not JSON data")
    ));
    still_serves(&pool);
}

fn cpu_bound_guests_end_at_the_cpu_ceiling() {
    let cpu = Duration::from_millis(300);
    let pool = pool(
        Pool::builder()
            .cpu_time(cpu)
            .timeout(Duration::from_secs(30)),
    );
    let parse_for_minutes = format!("0 && {}a", "a.".repeat(30_000));
    let cases = [
        ("tight loop", "for (;;) {}".to_owned()),
        (
            "nested loops",
            "for (;;) for (let i = 0; i < 1e9; i++) for (let j = 0; j < 1e9; j++) {}".to_owned(),
        ),
        (
            "catastrophic backtracking",
            "/^(a+)+$/.test('a'.repeat(40) + 'b')".to_owned(),
        ),
        ("a parse that takes minutes", parse_for_minutes),
        (
            "a native loop over a claimed length",
            "Array.prototype.indexOf.call({ length: 2 ** 32 - 1 }, 1)".to_owned(),
        ),
        (
            "a tight loop in a promise job",
            "Promise.resolve().then(() => { for (;;) {} })".to_owned(),
        ),
    ];
    for (what, source) in cases {
        let result = timed(cpu, what, || pool.evaluate(&source));
        assert!(
            matches!(result, Err(Error::Limit(Limit::Cpu))),
            "{what}: {result:?}"
        );
        still_serves(&pool);
    }
}

fn wall_clock_ends_what_the_engine_cannot_interrupt() {
    let wall = Duration::from_millis(500);
    let pool = pool(Pool::builder().timeout(wall));
    for (what, source) in [
        ("tight loop", "for (;;) {}"),
        (
            "catastrophic backtracking",
            "/^(a+)+$/.test('a'.repeat(40) + 'b')",
        ),
    ] {
        let result = timed(wall, what, || pool.evaluate(source));
        assert!(
            matches!(result, Err(Error::Limit(Limit::Timeout))),
            "{what}: {result:?}"
        );
        still_serves(&pool);
    }
    // Code the engine interrupts itself ends at its timeout and leaves the worker as it was.
    for (what, source) in [
        ("loop touching a global", "for (;;) Math.abs(1)"),
        (
            "promise-job flood",
            "(function f() { Promise.resolve().then(f); Promise.resolve().then(f); })()",
        ),
        ("await loop", "(async () => { for (;;) await null; })()"),
    ] {
        let result = timed(wall, what, || pool.evaluate(source));
        assert!(
            matches!(result, Err(Error::Limit(Limit::Timeout))),
            "{what}: {result:?}"
        );
        still_serves(&pool);
    }
}

fn memory_bombs_end_at_the_memory_ceiling() {
    let pool = pool(
        Pool::builder()
            .max_memory(256 << 20)
            .cpu_time(Duration::from_secs(20))
            .timeout(Duration::from_secs(30)),
    );
    // Boa refuses an ArrayBuffer it cannot allocate with a RangeError, as the specification
    // allows; a guest that catches it and goes on reaches the ceiling by another allocation.
    let refused = timed(Duration::from_secs(20), "huge typed arrays", || {
        pool.evaluate("const keep = []; for (;;) keep.push(new Uint8Array(32 << 20));")
    });
    assert!(
        matches!(&refused, Err(Error::Thrown(thrown)) if thrown.name == "RangeError"),
        "{refused:?}"
    );
    still_serves(&pool);
    for (what, source) in [
        (
            "huge typed arrays, the RangeError caught",
            "const keep = []; for (;;) { try { keep.push(new Uint8Array(32 << 20)); } \
             catch { keep.push('x'.repeat(1 << 20) + keep.length); } }",
        ),
        (
            "doubling strings",
            "const keep = []; let s = 'xy'; for (;;) { s = s + s; keep.push(s, s.slice(1)); }",
        ),
        (
            "array growth",
            "const a = []; for (;;) a.push({ n: a.length });",
        ),
        (
            "strings kept one by one",
            "const keep = []; for (let i = 0; ; i++) keep.push('x'.repeat(1 << 16) + i);",
        ),
        ("a promise chain holding memory", MEMORY_BOMB),
    ] {
        let result = timed(Duration::from_secs(20), what, || pool.evaluate(source));
        assert!(
            matches!(result, Err(Error::Limit(Limit::Memory))),
            "{what}: {result:?}"
        );
        still_serves(&pool);
    }
}

/// Fills a 256 MiB ceiling in well under a second, from promise jobs.
const MEMORY_BOMB: &str = "const keep = []; \
    (function grow() { keep.push('x'.repeat(1 << 26) + keep.length); \
    Promise.resolve().then(grow); })();";

fn in_engine_limits_pass_through() {
    let pool = pool(
        Pool::builder()
            .limits(Limits::new().loop_iterations(10_000).recursion(100))
            .timeout(Duration::from_secs(10)),
    );
    assert!(matches!(
        pool.evaluate("for (;;) {}"),
        Err(Error::Limit(Limit::LoopIterations))
    ));
    assert!(matches!(
        pool.evaluate("(function f() { return [1].map(f); })()"),
        Err(Error::Limit(Limit::Recursion))
    ));
    still_serves(&pool);
}

fn a_worker_that_cannot_start_is_a_typed_error() {
    let refused = Pool::builder().function("no such function").build();
    assert!(
        matches!(&refused, Err(Error::Worker(message)) if message.contains("no such function")),
        "{:?}",
        refused.err()
    );
    let tiny = Pool::builder().max_memory(4 << 20).build();
    assert!(matches!(tiny, Err(Error::Worker(_))), "{:?}", tiny.err());
}

/// 1,000 requests from four threads, a tenth of them hostile: every benign one gets its own
/// right answer, every hostile one its limit.
fn load_test() {
    let pool = Arc::new(pool(
        Pool::builder()
            .workers(2)
            .max_memory(256 << 20)
            .cpu_time(Duration::from_millis(300))
            .timeout(Duration::from_secs(5)),
    ));
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let (pool, next) = (Arc::clone(&pool), Arc::clone(&next));
            std::thread::spawn(move || {
                let (mut benign, mut hostile) = (0, 0);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= 1000 {
                        return (benign, hostile);
                    }
                    match i % 20 {
                        7 => {
                            let result = pool.evaluate("for (;;) {}");
                            assert!(
                                matches!(result, Err(Error::Limit(Limit::Cpu))),
                                "{i}: {result:?}"
                            );
                            hostile += 1;
                        }
                        13 => {
                            let result = pool.evaluate(MEMORY_BOMB);
                            assert!(
                                matches!(result, Err(Error::Limit(Limit::Memory))),
                                "{i}: {result:?}"
                            );
                            hostile += 1;
                        }
                        _ => {
                            let result = pool.call("calc.mjs", "add", &[json!(i), json!(i)]);
                            assert_eq!(result.unwrap(), json!(2 * i), "request {i}");
                            benign += 1;
                        }
                    }
                }
            })
        })
        .collect();
    let (mut benign, mut hostile) = (0, 0);
    for thread in threads {
        let (b, h) = thread.join().expect("no request failed");
        benign += b;
        hostile += h;
    }
    let took = started.elapsed();
    assert_eq!((benign, hostile), (900, 100));
    println!(
        "    1,000 requests ({hostile} hostile) in {took:.2?}: {:.0} requests/s",
        1000.0 / took.as_secs_f64()
    );
    // The same pool afterwards, benign requests only, one thread.
    let started = Instant::now();
    for i in 0..1000 {
        assert_eq!(pool.evaluate(&format!("{i} * 2")).unwrap(), json!(2 * i));
    }
    let took = started.elapsed();
    println!(
        "    1,000 benign evaluate requests in {took:.2?}: {:.0} requests/s",
        1000.0 / took.as_secs_f64()
    );
}

fn main() {
    serve_if_worker(functions());
    let filter = std::env::args().skip(1).find(|arg| !arg.starts_with('-'));
    let tests: [(&str, fn()); 9] = [
        (
            "requests_get_results_and_fresh_compartments",
            requests_get_results_and_fresh_compartments,
        ),
        ("errors_arrive_typed", errors_arrive_typed),
        (
            "a_result_too_large_or_not_data_is_refused",
            a_result_too_large_or_not_data_is_refused,
        ),
        (
            "cpu_bound_guests_end_at_the_cpu_ceiling",
            cpu_bound_guests_end_at_the_cpu_ceiling,
        ),
        (
            "wall_clock_ends_what_the_engine_cannot_interrupt",
            wall_clock_ends_what_the_engine_cannot_interrupt,
        ),
        (
            "memory_bombs_end_at_the_memory_ceiling",
            memory_bombs_end_at_the_memory_ceiling,
        ),
        (
            "in_engine_limits_pass_through",
            in_engine_limits_pass_through,
        ),
        (
            "a_worker_that_cannot_start_is_a_typed_error",
            a_worker_that_cannot_start_is_a_typed_error,
        ),
        ("load_test", load_test),
    ];
    let mut ran = 0;
    for (name, test) in tests {
        if filter
            .as_ref()
            .is_some_and(|filter| !name.contains(filter.as_str()))
        {
            continue;
        }
        println!("test {name} ...");
        test();
        println!("test {name} ... ok");
        ran += 1;
    }
    println!("worker: {ran} passed");
}
