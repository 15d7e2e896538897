//! `compartment-run`: runs a script in a fresh compartment with only the capabilities named on
//! the command line.

mod capabilities;
mod console;
mod repl;

use std::{
    fs,
    io::{IsTerminal, Read},
    path::{Path, PathBuf},
    process::ExitCode,
    time::Duration,
};

use boa_engine::{JsValue, object::IntegrityLevel};
use clap::Parser;
use hardened::{
    CompartmentOptions, Engine, Error, Limit, Limits, LockdownOptions, ModuleDirectory, Source,
    worker::{Ceiling, Supervision},
};

/// Run JavaScript in a fresh compartment, after `lockdown()`, whose only capability is `console`.
///
/// Every other capability is denied unless granted with an --allow-* or --endow flag.
#[derive(Parser)]
#[command(
    version,
    about,
    after_help = "Examples:\n  compartment-run examples/hello.js\n  compartment-run --print -e '[1, 2, 3].map(x => x * 2)'\n  compartment-run -e 'Date.now()'   # TypeError: secure mode ...\n  compartment-run --allow-time -e 'console.log(clock.now() > 0)'\n  compartment-run examples/modules/main.mjs\n  compartment-run --allow-read examples -e 'readFile(\"hello.js\").length' --print\n  echo '6 * 7' | compartment-run --print -\n  compartment-run --endow 'config={\"debug\":true}' --print -e 'config.debug'\n  compartment-run --json -e 'JSON.parse(\"[1]\")'\n  compartment-run --max-loop-iterations 1000000 -e 'for (;;) {}'\n  compartment-run --timeout 2 -e 'while (true) Math.abs(1)'\n  compartment-run --lockdown-option errorTaming=unsafe -e 'console.log(new Error(1).stack)'\n  compartment-run --start examples/compartments.js\n  compartment-run --max-memory 256M --max-cpu 1 -e 'for (;;) {}'\n\nExit codes: 0 success; 1 the guest threw, was rejected or hit an engine limit; 2 usage error;\n70 internal error; 122 --max-memory was reached; 123 --max-cpu was used up;\n124 --timeout expired in code the engine could not interrupt.\nWith --max-memory, --max-cpu or --timeout the guest runs in a supervised child process."
)]
struct Cli {
    /// The script or module to run (`-` reads standard input). A `.mjs` file runs as a module.
    /// With none, an interactive session starts when standard input is a terminal.
    #[arg(conflicts_with = "eval")]
    file: Option<PathBuf>,
    /// Run this source text instead of a file.
    #[arg(short = 'e', long = "eval", value_name = "SOURCE")]
    eval: Option<String>,
    /// Run the source as an ES module (implied by a `.mjs` file); relative imports resolve
    /// inside the entry file's directory (or the --allow-read directory) only.
    #[arg(long)]
    module: bool,
    /// Run the script in the start compartment, like `node -r ses`: it keeps what lockdown
    /// takes from compartments (`Date.now()`, `Math.random()`, `WeakRef`, `SharedArrayBuffer`,
    /// `Atomics`, the float typed arrays...) and has `assert` and `mutabilities`.
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
    /// Grant `readFile(path)` for files under DIR, and make DIR the module root.
    #[arg(long = "allow-read", value_name = "DIR")]
    allow_read: Option<PathBuf>,
    /// Grant `env.NAME`, the value of environment variable NAME (repeatable).
    #[arg(long = "allow-env", value_name = "NAME")]
    allow_env: Vec<String>,
    /// Grant `clock.now()` (wall-clock milliseconds) and `clock.monotonic()`.
    #[arg(long)]
    allow_time: bool,
    /// Stop the guest after SECONDS of running (fractions allowed): the engine stops it at its
    /// next check (exit 1), and the supervising process ends it in code the engine cannot
    /// interrupt (exit 124).
    #[arg(long, value_name = "SECONDS", value_parser = seconds)]
    timeout: Option<Duration>,
    /// Run the guest in a child process that may map at most SIZE of memory (bytes, or with a
    /// K, M or G suffix); reaching it ends the run (exit 122).
    #[arg(long, value_name = "SIZE", value_parser = size)]
    max_memory: Option<u64>,
    /// Let the engine execute at most N bytecode instructions, counting its own setup and
    /// lockdown; the same program always uses the same number (exit 1 with a limit error).
    /// Needs a build with `--features metering`.
    #[arg(long, value_name = "N")]
    max_instructions: Option<u64>,
    /// Run the guest in a child process that may use at most SECONDS of CPU time (exit 123; not
    /// applied to an interactive session, whose lines each run under the engine's limits).
    #[arg(long, value_name = "SECONDS", value_parser = seconds)]
    max_cpu: Option<Duration>,
    /// Stop a function call (or the script's top level) after N loop iterations, all its loops
    /// counted together.
    #[arg(long, value_name = "N")]
    max_loop_iterations: Option<u64>,
    /// Stop calls nested deeper than N.
    #[arg(long, value_name = "N")]
    max_recursion: Option<usize>,
    /// Print the completion value (a module's namespace).
    #[arg(long)]
    print: bool,
    /// Print one JSON object: `{ok, value, error: {name, message}, duration_ms}`.
    #[arg(long)]
    json: bool,
    /// Run the interactive session on standard input even when it is not a terminal: no line
    /// editing, prompt or banner (for tests and tools).
    #[arg(long, hide = true, conflicts_with_all = ["file", "eval", "module", "json"])]
    repl: bool,
}

/// What to run.
enum Input {
    Script(String),
    /// A module: its source and, when it is a file, its path.
    Module(String, Option<PathBuf>),
    /// The interactive loop (no file and standard input is a terminal, or `--repl`).
    Repl,
}

fn size(text: &str) -> Result<u64, String> {
    let lower = text.trim().to_ascii_lowercase();
    let number = lower.trim_end_matches("ib").trim_end_matches('b');
    let (digits, unit) = match number.char_indices().last() {
        Some((at, 'k')) => (&number[..at], 1 << 10),
        Some((at, 'm')) => (&number[..at], 1 << 20),
        Some((at, 'g')) => (&number[..at], 1 << 30),
        _ => (number, 1),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .filter(|&bytes| bytes > 0)
        .ok_or_else(|| format!("not a size (bytes, or a number with K, M or G): {text}"))
}

fn seconds(text: &str) -> Result<Duration, String> {
    let value: f64 = text
        .parse()
        .map_err(|_| format!("not a number of seconds: {text}"))?;
    Duration::try_from_secs_f64(value).map_err(|e| e.to_string())
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
    // In the child a supervising run started, the memory ceiling applies from here on.
    let supervised = match hardened::worker::enter_ceiling() {
        Ok(supervised) => supervised,
        Err(error) => {
            eprintln!("compartment-run: cannot apply the memory ceiling: {error}");
            return ExitCode::from(70);
        }
    };
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // `--help` and `--version` print as asked; a usage error under `--json` is JSON too.
        Err(error) if error.use_stderr() && std::env::args().any(|arg| arg == "--json") => {
            let text = error.to_string();
            let message = text.lines().next().unwrap_or_default();
            let message = message.strip_prefix("error: ").unwrap_or(message);
            return fail(true, "UsageError", message, 2, Duration::ZERO);
        }
        Err(error) => error.exit(),
    };
    if cli.max_instructions.is_some() && !cfg!(feature = "metering") {
        return usage(
            &cli,
            "--max-instructions needs a build with `--features metering`",
        );
    }
    if supervised.is_none()
        && let Some(ceiling) = ceiling(&cli)
    {
        return supervise(&cli, &ceiling);
    }
    let input = match read_input(&cli) {
        Ok(input) => input,
        Err(message) => return usage(&cli, &message),
    };
    if cli.start && matches!(input, Input::Module(..)) {
        return usage(
            &cli,
            "--start runs scripts only: modules need a compartment of their own",
        );
    }
    if let Some(dir) = &cli.allow_read
        && let Err(message) = capabilities::readable_root(dir)
    {
        return usage(&cli, &message);
    }
    // Lockdown options are checked before anything runs: a bad one is a usage error.
    let mut lockdown = LockdownOptions::default();
    for (name, value) in &cli.lockdown_options {
        if let Err(message) = lockdown.set_option(name, value) {
            return usage(&cli, &format!("--lockdown-option {name}: {message}"));
        }
    }
    // Under a memory ceiling the guest's stack is part of it: half, so that data deep enough
    // to exhaust it (about 250 bytes of stack a level in Boa's own recursions against about
    // 500 of heap) mostly cannot be built in the other half.
    let stack = supervised
        .and_then(|supervised| supervised.memory)
        .map_or(GUEST_STACK, |memory| {
            usize::try_from(memory / 2).map_or(GUEST_STACK, |half| half.min(GUEST_STACK))
        });
    let native_stack = GUEST_NATIVE_STACK.min(stack / 4 * 3);
    // Boa's natives recurse without a depth limit (JSON.stringify, Array.prototype.join and
    // flat, prototype-chain and proxy-chain lookups on deep structures), and a Rust stack
    // overflow aborts the process. The guest therefore runs on a thread whose stack is
    // reserved large enough that exhausting it takes more memory than such structures fit in.
    let cli_memory = cli.max_memory;
    let json = cli.json;
    let guest = std::thread::Builder::new()
        .name("guest".into())
        .stack_size(stack)
        .spawn(move || {
            // As node: colours on a terminal, unless NO_COLOR says otherwise (never in JSON).
            console::use_colors(
                !cli.json
                    && std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none(),
            );
            let outcome = run(&input, &cli, lockdown, native_stack);
            let main = match &input {
                Input::Script(text) | Input::Module(text, _) => Some(text.as_str()),
                Input::Repl => None,
            };
            report(&cli, main, outcome)
        });
    let guest = match guest {
        Ok(guest) => guest,
        Err(error) => {
            // Under --max-memory, the thread's stack did not fit in the ceiling.
            let code = if cli_memory.is_some() { 122 } else { 70 };
            let message = format!("cannot start the guest thread: {error}");
            return fail(json, "EngineError", &message, code, Duration::ZERO);
        }
    };
    match guest.join() {
        Ok(code) => code,
        Err(_) => fail(
            json,
            "EngineError",
            "internal error (the engine panicked)",
            70,
            Duration::ZERO,
        ),
    }
}

/// How long after `--timeout` the supervisor waits for the engine to stop the guest itself.
const WATCHDOG_GRACE: Duration = Duration::from_millis(500);

/// The ceiling to supervise this run under, if the command line asks for one. An interactive
/// session is many runs: time limits bound each of them in the engine, not the session.
fn ceiling(cli: &Cli) -> Option<Ceiling> {
    let repl =
        cli.repl || (cli.file.is_none() && cli.eval.is_none() && std::io::stdin().is_terminal());
    let mut ceiling = Ceiling::new();
    if let Some(memory) = cli.max_memory {
        ceiling = ceiling.memory(memory);
    }
    if !repl {
        if let Some(cpu) = cli.max_cpu {
            ceiling = ceiling.cpu(cpu);
        }
        if let Some(timeout) = cli.timeout {
            ceiling = ceiling.wall(timeout.saturating_add(WATCHDOG_GRACE));
        }
    }
    (ceiling != Ceiling::new()).then_some(ceiling)
}

/// Runs this command again as a supervised child under `ceiling`; its exit code, or the code
/// for the ceiling that ended it.
fn supervise(cli: &Cli, ceiling: &Ceiling) -> ExitCode {
    let started = std::time::Instant::now();
    let program = match std::env::current_exe() {
        Ok(program) => program,
        Err(error) => {
            eprintln!("compartment-run: cannot find this program to supervise it: {error}");
            return ExitCode::from(70);
        }
    };
    let mut command = std::process::Command::new(program);
    command.args(std::env::args_os().skip(1));
    let (code, message) = match hardened::worker::supervise(command, ceiling) {
        Ok(Supervision::Exited(code)) => return ExitCode::from(u8::try_from(code).unwrap_or(70)),
        Ok(Supervision::Stopped(Limit::Memory)) => (
            122,
            format!(
                "ran out of memory: the {} byte --max-memory ceiling was reached",
                cli.max_memory.unwrap_or_default()
            ),
        ),
        Ok(Supervision::Stopped(Limit::Recursion)) => (
            1,
            "limit reached: native recursion on deep data overflowed the guest's stack \
             (under --max-memory the stack is half the ceiling)"
                .to_owned(),
        ),
        Ok(Supervision::Stopped(Limit::Cpu)) => (
            123,
            format!(
                "used up {:.3} s of CPU time (--max-cpu)",
                cli.max_cpu.unwrap_or_default().as_secs_f64()
            ),
        ),
        Ok(Supervision::Stopped(limit)) => (
            124,
            format!(
                "timed out after {:.3} s in code the engine could not interrupt ({limit})",
                cli.timeout.unwrap_or_default().as_secs_f64()
            ),
        ),
        Ok(Supervision::Crashed(how)) => (70, format!("internal error: {how}")),
        Ok(other) => (70, format!("internal error: {other:?}")),
        Err(error) => (70, format!("cannot supervise the guest: {error}")),
    };
    let name = if code == 70 {
        "EngineError"
    } else {
        "LimitError"
    };
    fail(cli.json, name, &message, code, started.elapsed())
}

/// The one JSON object a failed run prints under `--json`.
fn failed_json(
    name: &str,
    message: &str,
    stack: Option<String>,
    location: Option<serde_json::Value>,
    duration_ms: f64,
) -> serde_json::Value {
    serde_json::json!({
        "ok": false, "value": null,
        "error": { "name": name, "message": message, "stack": stack, "location": location },
        "duration_ms": duration_ms,
    })
}

/// Ends a run that produced no guest outcome: `compartment-run: message` on stderr, or under
/// `--json` the one JSON object every run prints.
fn fail(json: bool, name: &str, message: &str, code: u8, elapsed: Duration) -> ExitCode {
    if json {
        let line = failed_json(name, message, None, None, elapsed.as_secs_f64() * 1e3);
        println!("{line}");
    } else {
        eprintln!("compartment-run: {message}");
    }
    ExitCode::from(code)
}

fn read_input(cli: &Cli) -> Result<Input, String> {
    if cli.repl {
        return Ok(Input::Repl);
    }
    let is_module = cli.module
        || cli
            .file
            .as_ref()
            .is_some_and(|path| path.extension().is_some_and(|e| e == "mjs"));
    let text = |bytes: Vec<u8>, what: &str| {
        String::from_utf8(bytes).map_err(|_| format!("{what} is not UTF-8 text"))
    };
    let (source, path) = match (&cli.eval, &cli.file) {
        (Some(source), _) => (source.clone(), None),
        (None, Some(path)) if path.as_os_str() == "-" => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|error| format!("cannot read standard input: {error}"))?;
            (text(bytes, "standard input")?, None)
        }
        (None, Some(path)) => {
            let bytes = fs::read(path)
                .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
            (
                text(bytes, &path.display().to_string())?,
                Some(path.clone()),
            )
        }
        (None, None) if std::io::stdin().is_terminal() => return Ok(Input::Repl),
        (None, None) => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|error| format!("cannot read standard input: {error}"))?;
            (text(bytes, "standard input")?, None)
        }
    };
    Ok(if is_module {
        Input::Module(source, path)
    } else {
        Input::Script(source)
    })
}

/// The guest thread's stack (virtual; pages are committed only as they are used).
const GUEST_STACK: usize = 8 << 30;
/// Native stack one call into the engine may use (`Limits::native_stack`).
const GUEST_NATIVE_STACK: usize = 1 << 30;

fn usage(cli: &Cli, message: &str) -> ExitCode {
    fail(cli.json, "UsageError", message, 2, Duration::ZERO)
}

fn describe(error: &Error) -> String {
    match error {
        Error::Thrown(thrown) => thrown.to_string(),
        other => other.to_string(),
    }
}

/// A script that fails to parse on `import` or `export` was likely meant as a module.
fn module_hint(error: Error) -> Error {
    match error {
        Error::Thrown(mut thrown)
            if thrown.name == "SyntaxError"
                && (thrown.message.contains("'export'") || thrown.message.contains("import")) =>
        {
            thrown.message.push_str(
                " (import and export declarations need a module: use --module or a .mjs file)",
            );
            Error::Thrown(thrown)
        }
        other => other,
    }
}

/// Line `number` (1-based) of `text` as the engine counts lines: `\r\n`, `\r`, `\n`, U+2028
/// and U+2029 each end one.
fn engine_line(text: &str, number: u32) -> Option<&str> {
    let mut start = 0;
    let mut line = 1;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        if !matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            continue;
        }
        if line == number {
            return Some(&text[start..index]);
        }
        if c == '\r' && chars.peek().is_some_and(|(_, next)| *next == '\n') {
            chars.next();
        }
        start = chars.peek().map_or(text.len(), |(next, _)| *next);
        line += 1;
    }
    (line == number).then(|| &text[start..])
}

/// The name the main script has in stack frames: its path, `[stdin]` or `[eval]`, as node.
fn script_name(cli: &Cli) -> String {
    match (&cli.eval, &cli.file) {
        (None, Some(path)) if path.as_os_str() != "-" => path.display().to_string(),
        (None, Some(_)) => "[stdin]".to_owned(),
        _ => "[eval]".to_owned(),
    }
}

/// An uncaught error as node prints it: where (with the source line and a caret, when the
/// place is in the main script), `Name: message`, then the stack.
fn report_uncaught(error: &Error, main: Option<(&str, &str)>) -> String {
    let Error::Thrown(thrown) = error else {
        return describe(error);
    };
    let mut out = String::new();
    if let Some(at) = thrown.location() {
        out.push_str(&format!("{at}\n"));
        // Lines as the engine counts them (`\r\n`, `\r`, `\n`, U+2028, U+2029 end one), and
        // a caret only under a column the line has.
        let line = main
            .filter(|(name, _)| *name == at.source)
            .and_then(|(_, text)| engine_line(text, at.line));
        if let Some(line) = line
            && (at.column as usize) <= line.chars().count() + 1
        {
            let caret = " ".repeat(at.column.saturating_sub(1) as usize);
            out.push_str(&format!("{line}\n{caret}^\n"));
        }
        out.push('\n');
    }
    out.push_str(&describe(error));
    if let Some(stack) = &thrown.stack {
        out.push_str(&format!("\n{stack}"));
    }
    out
}

/// What a run produced: the completion value as JSON (or its inspection when it has no JSON
/// form) and as text, and how long it took.
struct Outcome {
    json: serde_json::Value,
    text: String,
}

/// Prints the outcome as asked and gives the exit code. `main` is the main script's text.
fn report(
    cli: &Cli,
    main: Option<&str>,
    result: (Result<Outcome, Error>, std::time::Duration),
) -> ExitCode {
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
                    Error::Limit(limit) => ("LimitError".to_owned(), limit.to_string()),
                    other => ("EngineError".to_owned(), other.to_string()),
                };
                let (stack, location) = match error {
                    Error::Thrown(thrown) => (
                        thrown.stack.clone(),
                        thrown.location().map(|at| {
                            serde_json::json!({
                                "source": at.source, "line": at.line, "column": at.column,
                            })
                        }),
                    ),
                    _ => (None, None),
                };
                failed_json(&name, &message, stack, location, duration_ms)
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
                let name = script_name(cli);
                eprintln!(
                    "{}",
                    report_uncaught(&error, main.map(|text| (name.as_str(), text)))
                );
            }
            // A contained Boa panic is an engine bug, not the guest's error; memory that ran out
            // under --max-memory is that ceiling, wherever it was noticed.
            ExitCode::from(match error {
                Error::Unusable(_) => 70,
                Error::Limit(Limit::Memory) if cli.max_memory.is_some() => 122,
                _ => 1,
            })
        }
    }
}

fn run(
    input: &Input,
    cli: &Cli,
    lockdown: LockdownOptions,
    native_stack: usize,
) -> (Result<Outcome, Error>, std::time::Duration) {
    let started = std::time::Instant::now();
    let result = run_timed(input, cli, lockdown, native_stack);
    (result, started.elapsed())
}

fn engine_error(error: impl std::fmt::Display) -> Error {
    Error::Engine(error.to_string())
}

fn run_timed(
    input: &Input,
    cli: &Cli,
    lockdown: LockdownOptions,
    native_stack: usize,
) -> Result<Outcome, Error> {
    // Lockdown's warnings (per `reporting`) go to stderr, as SES's console reporting does.
    let builder = Engine::builder().on_warning(|warning| eprintln!("{warning}"));
    #[cfg(feature = "metering")]
    let builder = match cli.max_instructions {
        Some(budget) => builder.instructions(budget),
        None => builder,
    };
    let mut engine = builder.build()?;
    // The guest thread's large stack is for deep structures (a 100,000-deep array's `String`);
    // a native-only cycle still stops within a second or so.
    let mut limits = Limits::new().native_stack(native_stack);
    if let Some(timeout) = cli.timeout {
        limits = limits.timeout(timeout);
    }
    if let Some(n) = cli.max_loop_iterations {
        limits = limits.loop_iterations(n);
    }
    if let Some(n) = cli.max_recursion {
        limits = limits.recursion(n);
    }
    let globals = grant(&mut engine, cli)?;
    if !cli.no_lockdown {
        engine.lockdown(lockdown)?;
    }
    let mut hardened_globals = Vec::new();
    for (name, value) in globals {
        if cli.no_lockdown {
            if let Some(object) = value.as_object() {
                object
                    .set_integrity_level(IntegrityLevel::Frozen, engine.raw_context())
                    .map_err(engine_error)?;
            }
        } else {
            engine.harden(&value)?;
        }
        hardened_globals.push((name, value));
    }
    // The limits are for the guest: set after lockdown, whose own loops they would count.
    engine.set_limits(limits);
    let directory = match input {
        Input::Module(_, path) => Some(module_root(cli, path.as_deref())?),
        Input::Script(_) | Input::Repl => None,
    };
    let compartment = if cli.start {
        let start = engine.start_compartment().clone();
        for (name, value) in hardened_globals {
            engine.set_global(&start, &name, value)?;
        }
        start
    } else {
        let mut options = hardened_globals.into_iter().fold(
            CompartmentOptions::new().name("main"),
            |options, (name, value)| options.global(name, value),
        );
        if let Some(directory) = &directory {
            options = options.module_directory(directory.clone());
        }
        engine.new_compartment(options)?
    };
    let value: JsValue = match input {
        Input::Repl => {
            let interactive = !cli.repl && std::io::stdin().is_terminal();
            repl::run(&mut engine, &compartment, interactive).map_err(Error::Engine)?;
            return Ok(Outcome {
                json: serde_json::Value::Null,
                text: String::new(),
            });
        }
        Input::Script(source) => {
            let name = script_name(cli);
            // The completion value is wanted even when not shown: a rejected promise fails.
            let value = engine
                .evaluate_value(&compartment, Source::named(&name, source))
                .map_err(module_hint)?;
            engine.run_jobs()?;
            value
        }
        Input::Module(source, path) => {
            let directory = directory
                .as_ref()
                .ok_or_else(|| engine_error("no module root"))?;
            match path {
                Some(path) => {
                    let specifier = directory.specifier_of(path).map_err(Error::Engine)?;
                    engine.import(&compartment, &specifier)?.into()
                }
                None => engine
                    .evaluate_module(&compartment, "./[eval].mjs", source)?
                    .into(),
            }
        }
    };
    // As node: a promise rejected with no handler (an async IIFE that throws, a rejected
    // completion value) fails the run with its error.
    if let Some(unhandled) = engine.take_unhandled_rejections().into_iter().next() {
        return Err(unhandled);
    }
    let text = console::format_args(std::slice::from_ref(&value), engine.raw_context())
        .map_err(engine_error)?;
    // serde_json's own nesting limit (128) turns deeper data into the display string.
    let json = json_text(&mut engine, &value)?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_else(|| serde_json::Value::String(text.clone()));
    Ok(Outcome { json, text })
}

/// The completion value's `JSON.stringify`, run as a call into the engine: guest `toJSON`
/// methods and proxies run under its limits, and a limit they hit ends the run. `None` when
/// the value has no JSON form or stringifying it throws.
fn json_text(engine: &mut Engine, value: &JsValue) -> Result<Option<String>, Error> {
    let json = engine.raw_context().intrinsics().objects().json();
    let stringified = engine
        .get::<boa_engine::JsObject>(&json, "stringify")
        .and_then(|stringify| {
            engine.call(
                &stringify,
                &json.clone().into(),
                std::slice::from_ref(value),
            )
        });
    match stringified {
        Ok(text) => Ok(text.as_string().map(|text| text.to_std_string_escaped())),
        Err(error @ (Error::Limit(_) | Error::Unusable(_))) => Err(error),
        Err(_) => Ok(None),
    }
}

/// The globals the command line grants: `console` always, then each --allow-* and --endow.
fn grant(engine: &mut Engine, cli: &Cli) -> Result<Vec<(String, JsValue)>, Error> {
    let context = engine.raw_context();
    let mut globals = vec![(
        "console".to_owned(),
        JsValue::from(console::console(context, cli.json).map_err(engine_error)?),
    )];
    if let Some(dir) = &cli.allow_read {
        let root = capabilities::readable_root(dir).map_err(Error::Engine)?;
        globals.push((
            "readFile".into(),
            capabilities::read_file(root, context).into(),
        ));
    }
    if !cli.allow_env.is_empty() {
        globals.push((
            "env".into(),
            capabilities::env(&cli.allow_env, context).into(),
        ));
    }
    if cli.allow_time {
        globals.push(("clock".into(), capabilities::clock(context).into()));
    }
    for (name, json) in &cli.endowments {
        let value = JsValue::from_json(json, context).map_err(engine_error)?;
        globals.push((name.clone(), value));
    }
    Ok(globals)
}

/// Where a module graph may import from: the --allow-read directory, else the entry file's
/// directory (else the working directory for standard input and -e).
fn module_root(cli: &Cli, entry: Option<&Path>) -> Result<ModuleDirectory, Error> {
    let root = match (&cli.allow_read, entry) {
        (Some(dir), _) => dir.clone(),
        (None, Some(path)) => path
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        (None, None) => PathBuf::from("."),
    };
    ModuleDirectory::new(&root)
        .map_err(|error| Error::Engine(format!("module root {}: {error}", root.display())))
}
