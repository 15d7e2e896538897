//! One workload, in a compartment after lockdown or in plain Boa, for whole-process timings
//! (`benches/compare/whole.sh`) and instruction counts (`valgrind --tool=callgrind`).
//!
//! It prints the time of the measured part (what follows engine setup) on standard output.

use std::time::Instant;

use boa_engine::{Context, JsValue, Source};
use clap::{Parser, ValueEnum};
use hardened::{CompartmentOptions, Engine};
use hardened_benches::{GLOBALS_LOOP, LOCALS_LOOP, PROPERTIES_LOOP, commonjs_program};

#[derive(Parser)]
struct Args {
    /// What to run.
    #[arg(value_enum)]
    workload: Workload,
    /// Run it in plain Boa (a `Context::default()`) instead of a compartment after lockdown.
    #[arg(long)]
    plain: bool,
    /// How many times (each `bundle` and `small` run is a new source).
    #[arg(long, default_value_t = 1)]
    times: u64,
    /// The CommonJS bundle for `bundle` (see `benches/inputs/make.sh`).
    #[arg(long)]
    file: Option<std::path::PathBuf>,
    /// The expression over `module.exports` that `bundle` returns.
    #[arg(long, default_value = "Object.keys(module.exports).length")]
    touch: String,
}

#[derive(Clone, Copy, ValueEnum)]
enum Workload {
    /// Load a CommonJS bundle and touch its exports.
    Bundle,
    /// Evaluate the file as it is.
    Script,
    /// `1+1//n`, a new small source each time.
    Small,
    /// The 1M-iteration loop with two global lookups.
    Globals,
    /// The 1M-iteration loop over locals.
    Locals,
    /// The 1M-iteration property-access loop.
    Properties,
    /// `new_compartment()` from Rust (`--plain`: `create_realm()`).
    Create,
    /// `new Compartment()` from JavaScript (no `--plain` counterpart).
    CreateJs,
}

/// Where the sources run.
enum Host {
    Plain(Context),
    Hardened(Engine, hardened::Compartment),
}

impl Host {
    fn run(&mut self, source: &str) -> JsValue {
        match self {
            Self::Plain(context) => context
                .eval(Source::from_bytes(source))
                .unwrap_or_else(|error| panic!("plain Boa: {error}")),
            Self::Hardened(engine, compartment) => engine
                .evaluate_value(compartment, source)
                .unwrap_or_else(|error| panic!("compartment: {error}")),
        }
    }
}

fn main() {
    let args = Args::parse();
    let mut host = if args.plain {
        Host::Plain(Context::default())
    } else {
        let mut engine = hardened_benches::locked_engine();
        let compartment = engine
            .new_compartment(CompartmentOptions::new())
            .expect("compartment");
        Host::Hardened(engine, compartment)
    };
    let bundle = args.file.as_ref().map(|path| {
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
        commonjs_program(&text, &args.touch)
    });
    let start = Instant::now();
    let mut last = JsValue::undefined();
    for n in 0..args.times {
        last = match args.workload {
            Workload::Bundle => {
                let bundle = bundle.as_deref().expect("`bundle` needs --file");
                host.run(&format!("{bundle}//{n}"))
            }
            Workload::Script => {
                let path = args.file.as_ref().expect("`script` needs --file");
                host.run(&std::fs::read_to_string(path).expect("readable file"))
            }
            Workload::Small => host.run(&format!("1+1//{n}")),
            Workload::Globals => host.run(GLOBALS_LOOP),
            Workload::Locals => host.run(LOCALS_LOOP),
            Workload::Properties => host.run(PROPERTIES_LOOP),
            Workload::Create => match &mut host {
                Host::Plain(context) => {
                    context.create_realm().expect("realm");
                    JsValue::undefined()
                }
                Host::Hardened(engine, _) => {
                    engine
                        .new_compartment(CompartmentOptions::new())
                        .expect("compartment");
                    JsValue::undefined()
                }
            },
            Workload::CreateJs => host.run("new Compartment(), 0"),
        };
    }
    let elapsed = start.elapsed();
    println!(
        "{:.3} ms ({} runs, last value {})",
        elapsed.as_secs_f64() * 1e3,
        args.times,
        last.display()
    );
}
