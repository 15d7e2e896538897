//! Side-by-side workloads: this engine against plain Boa and against the `ses` shim running
//! inside a plain Boa context, in one process. `benches/compare/run.sh` passes the shim's path
//! (`--ses node_modules/ses/dist/ses.umd.js`); without it the shim rows are skipped.
//!
//! Each figure is the median of repeated runs, in milliseconds.

use std::time::Instant;

use boa_engine::{Context, Source};
use hardened::Engine;
use hardened_benches::{
    GLOBALS_LOOP, commonjs_program, compartment_kib, locked_compartment, locked_engine, quiet,
    real_bundle,
};

const RUNS: usize = 15;
const GRAPH: &str = "(() => { const all = []; const make = depth => { const o = { n: all.length, list: [] }; all.push(o, o.list); if (depth > 0) for (let i = 0; i < 4; i++) o.list.push(make(depth - 1)); return o; }; return make(6); })()";

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// Median of `RUNS` timings of `work` after a fresh `setup` each time.
fn time<S>(mut setup: impl FnMut() -> S, mut work: impl FnMut(&mut S)) -> f64 {
    median(
        (0..RUNS)
            .map(|_| {
                let mut state = setup();
                let start = Instant::now();
                work(&mut state);
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    )
}

fn eval(context: &mut Context, source: &str) {
    if let Err(error) = context.eval(Source::from_bytes(source)) {
        panic!("evaluation failed: {error}");
    }
}

fn shim(ses: &str, locked: bool) -> Context {
    let mut context = Context::default();
    // Boa's own `RegExp.prototype.lastIndex` makes the shim's module-level regexp freezing
    // throw ("cannot redefine property: lastIndex"); it is not in the spec, so drop it first.
    // The shim expects a host console.
    eval(
        &mut context,
        "delete RegExp.prototype.lastIndex; globalThis.console = Object.fromEntries(['log', 'info', 'warn', 'error', 'debug', 'trace', 'group', 'groupCollapsed', 'groupEnd', 'time', 'timeEnd', 'timeLog', 'assert', 'dir', 'table', 'count'].map(k => [k, () => {}]));",
    );
    eval(&mut context, ses);
    if locked {
        eval(&mut context, "lockdown({ reporting: 'none' })");
    }
    context
}

fn main() {
    let ses = std::env::args()
        .skip_while(|a| a != "--ses")
        .nth(1)
        .map(|path| {
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
        });
    // First, while the allocator has no freed memory to reuse.
    let memory = compartment_kib(1000);
    let mut rows: Vec<(&str, f64, Option<f64>, &str)> = Vec::new();

    let lockdown = time(
        || Engine::new().expect("engine"),
        |e| {
            e.lockdown(quiet()).expect("lockdown");
        },
    );
    let shim_lockdown = ses.as_deref().map(|s| {
        time(
            || shim(s, false),
            |c| eval(c, "lockdown({ reporting: 'none' })"),
        )
    });
    rows.push(("lockdown()", lockdown, shim_lockdown, "ms"));

    let harden = time(
        || {
            let mut e = locked_engine();
            let start = e.start_compartment().clone();
            let graph = e.evaluate_value(&start, GRAPH).expect("graph");
            (e, graph)
        },
        |(e, graph)| e.harden(graph).expect("harden"),
    );
    let shim_harden = ses.as_deref().map(|s| {
        time(
            || {
                let mut c = shim(s, true);
                eval(&mut c, &format!("globalThis.graph = {GRAPH}"));
                c
            },
            |c| eval(c, "harden(graph)"),
        )
    });
    rows.push(("harden(10,922 objects)", harden, shim_harden, "ms"));

    let create = time(
        || {
            let mut e = locked_engine();
            let start = e.start_compartment().clone();
            let make = e
                .evaluate_value(
                    &start,
                    "() => { for (let i = 0; i < 100; i++) new Compartment(); }",
                )
                .expect("fn");
            (e, make)
        },
        |(e, make)| {
            make.as_callable()
                .expect("callable")
                .call(&boa_engine::JsValue::undefined(), &[], e.raw_context())
                .expect("create");
        },
    ) * 10.0;
    let shim_create = ses.as_deref().map(|s| {
        time(
            || shim(s, true),
            |c| eval(c, "for (let i = 0; i < 100; i++) new Compartment();"),
        ) * 10.0
    });
    rows.push(("new Compartment()", create, shim_create, "µs"));

    let evaluate = time(
        || {
            let mut e = locked_engine();
            let start = e.start_compartment().clone();
            let run = e
                .evaluate_value(&start, "const c = new Compartment(); () => { for (let i = 0; i < 100; i++) c.evaluate('1+1'); }")
                .expect("fn");
            (e, run)
        },
        |(e, run)| {
            run.as_callable()
                .expect("callable")
                .call(&boa_engine::JsValue::undefined(), &[], e.raw_context())
                .expect("evaluate");
        },
    ) * 10.0;
    let shim_evaluate = ses.as_deref().map(|s| {
        time(
            || {
                let mut c = shim(s, true);
                eval(&mut c, "globalThis.c = new Compartment();");
                c
            },
            |c| eval(c, "for (let i = 0; i < 100; i++) c.evaluate('1+1');"),
        ) * 10.0
    });
    rows.push(("evaluate('1+1')", evaluate, shim_evaluate, "µs"));

    let plain_loop = time(Context::default, |c| eval(c, GLOBALS_LOOP));
    let loop_in = time(locked_compartment, |(e, c)| {
        e.evaluate_value(c, GLOBALS_LOOP).expect("loop");
    });
    let shim_loop = ses.as_deref().map(|s| {
        time(
            || {
                let mut c = shim(s, true);
                eval(&mut c, "globalThis.c = new Compartment();");
                c
            },
            |c| eval(c, &format!("c.evaluate({GLOBALS_LOOP:?})")),
        )
    });
    let shim_plain_loop = ses
        .as_deref()
        .map(|s| time(|| shim(s, true), |c| eval(c, GLOBALS_LOOP)));

    let plain_rows = against_plain(loop_in, plain_loop, memory);

    println!("| workload | this engine | ses 2.3.0 shim on Boa 0.22 | shim / ours |");
    println!("|---|---|---|---|");
    for (name, ours, shim, unit) in rows {
        match shim {
            Some(shim) => println!(
                "| {name} | {ours:.1} {unit} | {shim:.1} {unit} | {:.1}x |",
                shim / ours
            ),
            None => println!("| {name} | {ours:.1} {unit} | (no --ses) | |"),
        }
    }
    println!(
        "| 1M-iteration loop, two global lookups: in a compartment / plain | {:.2}x ({loop_in:.0} / {plain_loop:.0} ms) | {} | |",
        loop_in / plain_loop,
        match (shim_loop, shim_plain_loop) {
            (Some(inside), Some(outside)) =>
                format!("{:.2}x ({inside:.0} / {outside:.0} ms)", inside / outside),
            _ => "(no --ses)".into(),
        }
    );

    println!();
    println!("| issue 18 target | this engine | plain Boa 0.22 | ratio | target |");
    println!("|---|---|---|---|---|");
    for (name, ours, plain, unit, target) in plain_rows {
        match plain {
            Some(plain) => println!(
                "| {name} | {ours:.2} {unit} | {plain:.2} {unit} | {:.2}x | {target} |",
                ours / plain
            ),
            None => println!("| {name} | {ours:.2} {unit} | | | {target} |"),
        }
    }
}

/// The issue 18 rows: this engine after lockdown against plain Boa doing the same work.
fn against_plain(
    loop_in: f64,
    plain_loop: f64,
    memory: Option<f64>,
) -> Vec<(&'static str, f64, Option<f64>, &'static str, &'static str)> {
    let mut rows = Vec::new();
    match real_bundle() {
        Some(bundle) => {
            let program = commonjs_program(&bundle, "Object.keys(module.exports).length");
            let mut n = 0u64;
            let ours = time(locked_compartment, |(e, c)| {
                n += 1;
                e.evaluate_value(c, &format!("{program}//{n}"))
                    .expect("bundle");
            });
            let plain = time(Context::default, |c| eval(c, &program));
            rows.push((
                "load the zod bundle (680 KB) and touch its exports",
                ours,
                Some(plain),
                "ms",
                "<= 1.2x",
            ));
        }
        None => println!("(no bundle: run benches/inputs/make.sh for the real-bundle row)"),
    }
    let mut n = 0u64;
    let ours = time(locked_compartment, |(e, c)| {
        for _ in 0..1000 {
            n += 1;
            e.evaluate_value(c, &format!("1+1//{n}")).expect("small");
        }
    });
    let plain = time(Context::default, |c| {
        for _ in 0..1000 {
            n += 1;
            eval(c, &format!("1+1//{n}"));
        }
    });
    rows.push((
        "`evaluate` of a new small source (µs each)",
        ours,
        Some(plain),
        "µs",
        "<= 1.5x",
    ));
    rows.push((
        "1M-iteration loop, two global lookups",
        loop_in,
        Some(plain_loop),
        "ms",
        "<= 1.3x",
    ));
    let from_rust = time(locked_engine, |e| {
        for _ in 0..100 {
            e.new_compartment(hardened::CompartmentOptions::new())
                .expect("compartment");
        }
    }) * 10.0;
    rows.push((
        "`new_compartment()` from Rust",
        from_rust,
        None,
        "µs",
        "<= 12 µs",
    ));
    if let Some(kib) = memory {
        rows.push((
            "memory per live compartment (1,000 live)",
            kib,
            None,
            "KiB",
            "<= 2.5 KiB",
        ));
    }
    rows
}
