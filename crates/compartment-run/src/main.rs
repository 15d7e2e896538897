//! `compartment-run`: runs a script in a fresh compartment with only the capabilities named on
//! the command line.

mod console;

use std::{fs, path::PathBuf, process::ExitCode};

use boa_engine::{builtins::promise::PromiseState, js_string, object::builtins::JsPromise};
use clap::Parser;
use hardened::{CompartmentOptions, Engine, Error, LockdownOptions};

/// Run JavaScript in a fresh compartment, after `lockdown()`, whose only capability is `console`.
#[derive(Parser)]
#[command(
    version,
    about,
    after_help = "Examples:\n  compartment-run examples/hello.js\n  compartment-run -e 'Date.now()'   # TypeError: secure mode ...\n  compartment-run -e 'console.log(1 + 1)'\n  compartment-run --start examples/compartments.js"
)]
struct Cli {
    /// The script to run.
    #[arg(required_unless_present = "eval", conflicts_with = "eval")]
    file: Option<PathBuf>,
    /// Run this source text instead of a file.
    #[arg(short = 'e', long = "eval", value_name = "SOURCE")]
    eval: Option<String>,
    /// Run in the start compartment (globals `Compartment`, `console`, `harden`), like
    /// `node -r ses`.
    #[arg(long)]
    start: bool,
    /// Do not call `lockdown()` first: intrinsics stay mutable and untamed.
    #[arg(long)]
    no_lockdown: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let source = match (&cli.eval, &cli.file) {
        (Some(source), _) => source.clone(),
        (None, Some(path)) => match fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => return usage(&format!("{} is not UTF-8 text", path.display())),
            },
            Err(error) => return usage(&format!("cannot read {}: {error}", path.display())),
        },
        (None, None) => return usage("nothing to run"),
    };
    // Boa's natives recurse without a depth limit (JSON.stringify, Array.prototype.join and
    // flat, prototype-chain and proxy-chain lookups on deep structures), and a Rust stack
    // overflow aborts the process. The guest therefore runs on a thread whose stack is
    // reserved large enough that exhausting it takes more memory than such structures fit in.
    let guest = std::thread::Builder::new()
        .name("guest".into())
        .stack_size(GUEST_STACK)
        .spawn(move || run(&source, &cli).map_err(|error| describe(&error)));
    match guest.map(std::thread::JoinHandle::join) {
        Ok(Ok(Ok(()))) => ExitCode::SUCCESS,
        Ok(Ok(Err(message))) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
        Ok(Err(_)) => {
            eprintln!("compartment-run: internal error (the engine panicked)");
            ExitCode::from(70)
        }
        Err(error) => {
            eprintln!("compartment-run: cannot start the guest thread: {error}");
            ExitCode::from(70)
        }
    }
}

/// The guest thread's stack (virtual; pages are committed only as they are used).
const GUEST_STACK: usize = 8 << 30;

fn usage(message: &str) -> ExitCode {
    eprintln!("compartment-run: {message}");
    ExitCode::from(2)
}

fn describe(error: &Error) -> String {
    match error {
        Error::Thrown(thrown) => thrown.to_string(),
        other => other.to_string(),
    }
}

fn run(source: &str, cli: &Cli) -> Result<(), Error> {
    let mut engine = Engine::new()?;
    let console = console::console(engine.context()).map_err(|e| Error::Engine(e.to_string()))?;
    if !cli.no_lockdown {
        engine.lockdown(LockdownOptions::default())?;
        engine.harden(&console.clone().into())?;
    }
    let compartment = if cli.start {
        let start = engine.start_compartment().clone();
        start
            .global_object()
            .set(js_string!("console"), console, true, engine.context())
            .map_err(|e| Error::Engine(e.to_string()))?;
        start
    } else {
        engine.new_compartment(
            CompartmentOptions::new()
                .name("main")
                .global("console", console),
        )?
    };
    let value = engine.evaluate_value(&compartment, source)?;
    engine.run_jobs()?;
    // A script whose completion value is a promise (e.g. an async IIFE) fails when it rejects.
    if let Some(promise) = value
        .as_object()
        .and_then(|o| JsPromise::from_object(o).ok())
        && let PromiseState::Rejected(reason) = promise.state()
    {
        return Err(Error::from_value(&reason));
    }
    Ok(())
}
