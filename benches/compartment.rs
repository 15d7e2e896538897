//! Compartment overheads, after lockdown, measured side by side with plain Boa in the same run.
//!
//! `cargo bench -p hardened-benches --bench compartment` (add `-- <filter>` to pick one group).
//! Before the criterion groups it prints the memory retained per live compartment and per plain
//! realm.

use std::fmt::Write as _;

use boa_engine::{Context, Source};
use criterion::{BatchSize, Criterion, criterion_group};
use hardened::{CompartmentOptions, Engine};
use hardened_benches::{
    GLOBALS_LOOP, LOCALS_LOOP, PROPERTIES_LOOP, commonjs_program, compartment_kib,
    locked_compartment, locked_engine, real_bundle,
};

/// Calls `f` 100,000 times through a local binding; `f` does one global lookup itself.
const CALL_LOOP: &str = "const h = f; let s = 0; for (let i = 0; i < 100000; i++) { s = h(s); } s";
const CALLEE: &str = "(x) => (x + Math.abs(-1)) % 1000003";

fn creation(c: &mut Criterion) {
    let mut group = c.benchmark_group("create");
    let mut engine = locked_engine();
    group.bench_function("new_compartment", |b| {
        b.iter(|| {
            engine
                .new_compartment(CompartmentOptions::new())
                .expect("compartment")
        });
    });
    let mut unlocked = Engine::new().expect("engine");
    group.bench_function("new_compartment_before_lockdown", |b| {
        b.iter(|| {
            unlocked
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
                .call(&boa_engine::JsValue::undefined(), &[], engine.raw_context())
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
    let mut engine = locked_engine();
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
        ("loop_property_access_1M", PROPERTIES_LOOP),
    ] {
        let mut group = c.benchmark_group(name);
        group.sample_size(10);
        let mut engine = locked_engine();
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

/// A function owned by compartment A called from compartment B, against B calling its own
/// copy: there is no membrane, so only the owner switch on the callee's global lookup differs.
fn cross_compartment_calls(c: &mut Criterion) {
    let mut group = c.benchmark_group("call_100k");
    group.sample_size(20);
    let mut engine = locked_engine();
    let owner = engine
        .new_compartment(CompartmentOptions::new())
        .expect("compartment");
    let foreign = engine.evaluate_value(&owner, CALLEE).expect("callee");
    let caller = engine
        .new_compartment(CompartmentOptions::new().global("f", foreign))
        .expect("compartment");
    let same = engine
        .new_compartment(CompartmentOptions::new())
        .expect("compartment");
    engine
        .evaluate_value(&same, &format!("globalThis.f = {CALLEE}"))
        .expect("callee");
    group.bench_function("cross_compartment", |b| {
        b.iter(|| engine.evaluate_value(&caller, CALL_LOOP).expect("value"));
    });
    group.bench_function("same_compartment", |b| {
        b.iter(|| engine.evaluate_value(&same, CALL_LOOP).expect("value"));
    });
    group.finish();
}

/// A generated ~100 KB script in the shape bundlers emit: a table of module functions, each
/// with data, helpers, a class and an entry point, then a loop that runs them all.
fn bundle() -> String {
    let mut text = String::from("var __modules = {};\n");
    let mut n = 0;
    while text.len() < 100 * 1024 {
        write!(
            text,
            r#"__modules["./src/widget{n}.js"] = function (exports) {{
  "use strict";
  const table = [{n}, {a}, {b}, "label-{n}", {{ id: {n}, tags: ["x", "y"] }}];
  function scale{n}(value, factor) {{
    return typeof value === "number" ? value * factor + table.length : 0;
  }}
  class Widget{n} {{
    constructor(size) {{ this.size = size; this.items = []; }}
    get area() {{ return this.size * this.size; }}
    add(item) {{ this.items.push(item); return this; }}
    render() {{ return `<div class="w{n}">${{this.items.map(String).join(",")}}</div>`; }}
  }}
  exports.run = function () {{
    const widget = new Widget{n}(scale{n}({n} % 7, 3));
    for (let i = 0; i < 3; i++) widget.add(table[i]);
    return widget.render().length + widget.area % 97;
  }};
}};
"#,
            a = n * 3 + 1,
            b = n * 7 % 13,
        )
        .expect("write");
        n += 1;
    }
    text.push_str(
        "var __total = 0;\nfor (var __k in __modules) { var __e = {}; __modules[__k](__e); \
         __total += __e.run(); }\n__total",
    );
    text
}

/// Parsing, compiling and running a generated 100 KB bundle, a new source each time (so no
/// cache helps). It declares `var`s at its top level, so it takes the analysed path.
fn evaluate_bundle(c: &mut Criterion) {
    new_sources(c, "evaluate_bundle_100KB", 20, &bundle());
}

/// Loading the pinned real bundle (zod, `benches/inputs/make.sh`) and touching its exports, a
/// new source each time: the one-parse path.
fn evaluate_real_bundle(c: &mut Criterion) {
    let Some(bundle) = real_bundle() else {
        println!("evaluate_real_bundle: skipped (run benches/inputs/make.sh first)");
        return;
    };
    let program = commonjs_program(&bundle, "Object.keys(module.exports).length");
    new_sources(c, "evaluate_real_bundle_zod", 10, &program);
}

/// `source` evaluated in a compartment after lockdown (a new text each time) against plain
/// Boa's `Context::eval` of it.
fn new_sources(c: &mut Criterion, name: &str, samples: usize, source: &str) {
    let mut group = c.benchmark_group(name);
    group.sample_size(samples);
    let (mut engine, compartment) = locked_compartment();
    let mut n = 0u64;
    group.bench_function("compartment", |b| {
        b.iter(|| {
            n += 1;
            engine
                .evaluate_value(&compartment, &format!("{source}//{n}"))
                .expect("value")
        });
    });
    let mut plain = Context::default();
    group.bench_function("plain_Context_eval", |b| {
        b.iter(|| {
            plain
                .eval(Source::from_bytes(source.as_bytes()))
                .expect("value")
        });
    });
    group.finish();
}

fn memory() {
    if let (Some(compartment), Some(realm)) =
        (compartment_kib(1000), hardened_benches::realm_kib(100))
    {
        println!(
            "memory: {compartment:.1} KiB per live compartment (1000 live), {realm:.1} KiB per live plain realm (100 live)"
        );
    }
}

criterion_group!(
    benches,
    creation,
    evaluate,
    loops,
    cross_compartment_calls,
    evaluate_bundle,
    evaluate_real_bundle
);

fn main() {
    memory();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
