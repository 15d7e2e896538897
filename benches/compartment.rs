//! Compartment overheads measured side by side with plain Boa in the same run.
//!
//! `cargo bench -p hardened-benches` (add `-- <filter>` to pick one group). Before the criterion
//! groups it prints the memory retained per live compartment and per plain realm.

use boa_engine::{Context, Source};
use criterion::{BatchSize, Criterion, criterion_group};
use hardened::{CompartmentOptions, Engine};

const LOCALS_LOOP: &str =
    "let s = 0; for (let i = 0; i < 1000000; i++) { s = (s + i * 7) % 1000003; } s";
const GLOBALS_LOOP: &str =
    "let s = 0; for (let i = 0; i < 1000000; i++) { s += Math.abs(i) + Math.max(i, 1); } s";

fn creation(c: &mut Criterion) {
    let mut group = c.benchmark_group("create");
    let mut engine = Engine::new().expect("engine");
    group.bench_function("new_compartment", |b| {
        b.iter(|| {
            engine
                .new_compartment(CompartmentOptions::new())
                .expect("compartment")
        });
    });
    let start = engine.start_compartment().clone();
    let js_new = engine
        .evaluate_value(&start, "() => new Compartment()")
        .expect("fn");
    let js_new = js_new.as_callable().expect("callable");
    group.bench_function("js_new_Compartment", |b| {
        b.iter(|| {
            js_new
                .call(&boa_engine::JsValue::undefined(), &[], engine.context())
                .expect("compartment")
        });
    });
    group.bench_function("plain_Context_default", |b| b.iter(Context::default));
    let mut plain = Context::default();
    group.bench_function("plain_create_realm", |b| {
        b.iter(|| plain.create_realm().expect("realm"))
    });
    group.finish();
}

fn evaluate(c: &mut Criterion) {
    let mut group = c.benchmark_group("evaluate_1_plus_1");
    let mut engine = Engine::new().expect("engine");
    let compartment = engine
        .new_compartment(CompartmentOptions::new())
        .expect("compartment");
    group.bench_function("compartment", |b| {
        b.iter(|| engine.evaluate_value(&compartment, "1+1").expect("value"));
    });
    // A new source each time: no compiled-source cache.
    let mut n = 0u64;
    group.bench_function("compartment_unique_source", |b| {
        b.iter(|| {
            n += 1;
            engine
                .evaluate_value(&compartment, &format!("1+1//{n}"))
                .expect("value")
        });
    });
    let mut plain = Context::default();
    group.bench_function("plain_Context_eval", |b| {
        b.iter(|| plain.eval(Source::from_bytes("1+1")).expect("value"));
    });
    group.finish();
}

fn loops(c: &mut Criterion) {
    for (name, source) in [
        ("loop_locals_1M", LOCALS_LOOP),
        ("loop_two_global_lookups_1M", GLOBALS_LOOP),
    ] {
        let mut group = c.benchmark_group(name);
        group.sample_size(10);
        let mut engine = Engine::new().expect("engine");
        let compartment = engine
            .new_compartment(CompartmentOptions::new())
            .expect("compartment");
        group.bench_function("compartment", |b| {
            b.iter(|| engine.evaluate_value(&compartment, source).expect("value"));
        });
        group.bench_function("plain", |b| {
            b.iter_batched(
                Context::default,
                |mut plain| plain.eval(Source::from_bytes(source)).expect("value"),
                BatchSize::PerIteration,
            );
        });
        group.finish();
    }
}

/// Resident memory in bytes (Linux), for the retained-size estimates.
fn resident() -> Option<usize> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: usize = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn memory() {
    const N: usize = 1000;
    let mut engine = Engine::new().expect("engine");
    let before = resident();
    let live: Vec<_> = (0..N)
        .map(|_| {
            engine
                .new_compartment(CompartmentOptions::new())
                .expect("compartment")
        })
        .collect();
    let after = resident();
    let mut plain = Context::default();
    let realms_before = resident();
    let realms: Vec<_> = (0..100)
        .map(|_| plain.create_realm().expect("realm"))
        .collect();
    let realms_after = resident();
    if let (Some(b), Some(a), Some(rb), Some(ra)) = (before, after, realms_before, realms_after) {
        println!(
            "memory: {:.1} KiB per live compartment ({N} live), {:.1} KiB per live plain realm (100 live)",
            (a.saturating_sub(b)) as f64 / N as f64 / 1024.0,
            (ra.saturating_sub(rb)) as f64 / 100.0 / 1024.0
        );
    }
    drop((live, realms));
}

criterion_group!(benches, creation, evaluate, loops);

fn main() {
    memory();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
