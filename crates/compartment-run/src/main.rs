//! `compartment-run`: runs a script in a fresh compartment with only the capabilities named on
//! the command line.

mod console;

use std::{fs, path::PathBuf, process::ExitCode};

use boa_engine::{
    JsString, JsValue,
    builtins::promise::PromiseState,
    object::{IntegrityLevel, builtins::JsPromise},
};
use clap::Parser;
use hardened::{CompartmentOptions, Engine, Error, LockdownOptions};

/// Run JavaScript in a fresh compartment, after `lockdown()`, whose only capability is `console`.
#[derive(Parser)]
#[command(
    version,
    about,
    after_help = "Examples:\n  compartment-run examples/hello.js\n  compartment-run --print -e '[1, 2, 3].map(x => x * 2)'\n  compartment-run -e 'Date.now()'   # TypeError: secure mode ...\n  compartment-run --endow 'config={\"debug\":true}' --print -e 'config.debug'\n  compartment-run --json -e 'JSON.parse(\"[1]\")'\n  compartment-run --lockdown-option errorTaming=unsafe -e 'console.log(new Error(1).stack)'\n  compartment-run --start examples/compartments.js"
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
    /// A lockdown option, e.g. `--lockdown-option errorTaming=unsafe` (repeatable).
    #[arg(long = "lockdown-option", value_name = "NAME=VALUE", value_parser = name_value)]
    lockdown_options: Vec<(String, String)>,
    /// Endow a global with a frozen JSON value, e.g. `--endow 'config={"debug":true}'`
    /// (repeatable).
    #[arg(long = "endow", value_name = "NAME=JSON", value_parser = name_json)]
    endowments: Vec<(String, serde_json::Value)>,
    /// Print the script's completion value.
    #[arg(long)]
    print: bool,
    /// Print one JSON object: `{ok, value, error: {name, message}, duration_ms}`.
    #[arg(long)]
    json: bool,
}

fn name_value(text: &str) -> Result<(String, String), String> {
    let (name, value) = text.split_once('=').ok_or("expected NAME=VALUE")?;
    Ok((name.to_owned(), value.to_owned()))
}

fn name_json(text: &str) -> Result<(String, serde_json::Value), String> {
    let (name, json) = name_value(text)?;
    let value = serde_json::from_str(&json).map_err(|e| format!("invalid JSON for {name}: {e}"))?;
    Ok((name, value))
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
    // Lockdown options are checked before anything runs: a bad one is a usage error.
    let mut lockdown = LockdownOptions::default();
    let mut scratch = boa_engine::Context::default();
    for (name, value) in &cli.lockdown_options {
        if let Err(message) = lockdown.set_option(name, value, &mut scratch) {
            return usage(&format!("--lockdown-option {name}: {message}"));
        }
    }
    drop(scratch);
    let guest = std::thread::Builder::new()
        .name("guest".into())
        .stack_size(GUEST_STACK)
        .spawn(move || report(&cli, run(&source, &cli, lockdown)));
    match guest.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => code,
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

/// What a run produced: the completion value as JSON (or its inspection when it has no JSON
/// form) and as text, and how long it took.
struct Outcome {
    json: serde_json::Value,
    text: String,
}

/// Prints the outcome as asked and gives the exit code.
fn report(cli: &Cli, result: (Result<Outcome, Error>, std::time::Duration)) -> ExitCode {
    let (result, elapsed) = result;
    let duration_ms = elapsed.as_secs_f64() * 1e3;
    if cli.json {
        let line = match &result {
            Ok(outcome) => serde_json::json!({
                "ok": true, "value": outcome.json, "error": null, "duration_ms": duration_ms,
            }),
            Err(error) => {
                let (name, message) = match error {
                    Error::Thrown(thrown) => (thrown.name.clone(), thrown.message.clone()),
                    other => ("EngineError".to_owned(), other.to_string()),
                };
                serde_json::json!({
                    "ok": false, "value": null,
                    "error": { "name": name, "message": message }, "duration_ms": duration_ms,
                })
            }
        };
        println!("{line}");
    }
    match result {
        Ok(outcome) => {
            if cli.print && !cli.json {
                println!("{}", outcome.text);
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            if !cli.json {
                eprintln!("{}", describe(&error));
            }
            ExitCode::from(1)
        }
    }
}

fn run(
    source: &str,
    cli: &Cli,
    lockdown: LockdownOptions,
) -> (Result<Outcome, Error>, std::time::Duration) {
    let started = std::time::Instant::now();
    let result = run_timed(source, cli, lockdown);
    (result, started.elapsed())
}

fn engine_error(error: impl std::fmt::Display) -> Error {
    Error::Engine(error.to_string())
}

fn run_timed(source: &str, cli: &Cli, lockdown: LockdownOptions) -> Result<Outcome, Error> {
    let mut engine = Engine::new()?;
    let console = console::console(engine.context()).map_err(engine_error)?;
    if !cli.no_lockdown {
        engine.lockdown(lockdown)?;
        engine.harden(&console.clone().into())?;
    }
    let mut globals = vec![("console".to_owned(), JsValue::from(console))];
    for (name, json) in &cli.endowments {
        let value = JsValue::from_json(json, engine.context()).map_err(engine_error)?;
        if cli.no_lockdown {
            if let Some(object) = value.as_object() {
                object
                    .set_integrity_level(IntegrityLevel::Frozen, engine.context())
                    .map_err(engine_error)?;
            }
        } else {
            engine.harden(&value)?;
        }
        globals.push((name.clone(), value));
    }
    let compartment = if cli.start {
        let start = engine.start_compartment().clone();
        for (name, value) in globals {
            start
                .global_object()
                .set(JsString::from(name.as_str()), value, true, engine.context())
                .map_err(engine_error)?;
        }
        start
    } else {
        let options = globals.into_iter().fold(
            CompartmentOptions::new().name("main"),
            |options, (name, value)| options.global(name, value),
        );
        engine.new_compartment(options)?
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
    let text = console::format_args(std::slice::from_ref(&value), engine.context())
        .map_err(engine_error)?;
    let json = match value.to_json(engine.context()) {
        Ok(Some(json)) => json,
        _ => serde_json::Value::String(text.clone()),
    };
    Ok(Outcome { json, text })
}
