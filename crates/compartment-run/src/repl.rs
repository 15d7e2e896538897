//! The interactive loop `compartment-run` starts when it has no file and standard input is a
//! terminal (or with the hidden `--repl` flag, which reads lines from standard input without
//! line editing, prompts or banner: how the tests drive it). Each input is evaluated in the
//! same compartment with `Engine::evaluate_repl`: what it declares at its top level stays for
//! later inputs, and it may `await` at its top level.
//!
//! Ctrl+C at the prompt clears the input, as in node. While an input runs, Ctrl+C interrupts it
//! through the engine's `InterruptHandle`: the input stops at its next global-name lookup,
//! builtin call or promise job, with the state it reached kept. A loop that makes none of those
//! (`for (;;) {}`) cannot be stopped that way; if the input still runs a second after Ctrl+C
//! the REPL says so, and a second Ctrl+C ends the process (exit code 130).

use std::{
    io::{BufRead, Write},
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering},
    },
    time::Duration,
};

use rustyline::{DefaultEditor, error::ReadlineError};

use hardened::{Compartment, Engine, Error, InterruptHandle, Limit, Source};

use crate::{console, describe};

const HELP: &str = "\
Each input is evaluated in one locked-down compartment and its value is printed; an
unfinished input (function f() {) continues on the next line, and an empty line ends it.
Top-level declarations (let, const, class, function, var) stay for later inputs, as the
compartment's global lexicals (not properties of globalThis); declaring a name again makes a
new binding. `await` works at the top level. Capabilities are the ones granted on the
command line.
  Ctrl+C  clear the input, or interrupt the running one (twice: end the session when it
          does not stop, as a loop that reads no global name cannot be interrupted)
  .help   this text
  .exit   leave (or Ctrl+D)";

/// How long after Ctrl+C an input that still runs is reported as not interruptible.
const HINT_AFTER: Duration = Duration::from_secs(1);

/// Reads, evaluates and prints until `.exit` or end of input: with line editing when
/// `interactive`, else lines of standard input as they come.
pub fn run(
    engine: &mut Engine,
    compartment: &Compartment,
    interactive: bool,
) -> Result<(), String> {
    let interrupts = Interrupts::install(engine.interrupt_handle(), interactive);
    let mut session = Session::new(interrupts);
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    if !interactive {
        for line in std::io::stdin().lock().lines() {
            let line = line.map_err(|error| error.to_string())?;
            if session.feed(engine, compartment, &line, &mut out, &mut err) == Flow::Exit {
                return Ok(());
            }
        }
        session.finish(engine, compartment, &mut out, &mut err);
        return Ok(());
    }
    let mut editor = DefaultEditor::new().map_err(|error| error.to_string())?;
    println!(
        "compartment-run {}: a fresh compartment after lockdown(). Type .help for help, .exit to leave.",
        env!("CARGO_PKG_VERSION")
    );
    loop {
        let prompt = if session.pending.is_empty() {
            "> "
        } else {
            "... "
        };
        let line = match editor.readline(prompt) {
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => {
                if session.pending.is_empty() {
                    println!("(To leave, press Ctrl+D or type .exit)");
                }
                session.pending.clear();
                continue;
            }
            Err(ReadlineError::Eof) => return Ok(()),
            Err(error) => return Err(error.to_string()),
        };
        let flow = session.feed(engine, compartment, &line, &mut out, &mut err);
        if let Some(entry) = session.evaluated.take() {
            let _ = editor.add_history_entry(entry);
        }
        if flow == Flow::Exit {
            return Ok(());
        }
    }
}

/// What the loop does after a line.
#[derive(Debug, PartialEq, Eq)]
enum Flow {
    Continue,
    Exit,
}

/// The REPL's state between lines: the unfinished input, and how many inputs ran (each is
/// named `REPL<n>` in stack frames and error locations, as in node).
struct Session {
    pending: String,
    inputs: usize,
    /// The input just evaluated, for the line editor's history.
    evaluated: Option<String>,
    interrupts: Option<Arc<Interrupts>>,
}

impl Session {
    fn new(interrupts: Option<Arc<Interrupts>>) -> Self {
        Self {
            pending: String::new(),
            inputs: 0,
            evaluated: None,
            interrupts,
        }
    }

    /// Takes one line: a command, or code to add to the input and evaluate once it is whole.
    fn feed(
        &mut self,
        engine: &mut Engine,
        compartment: &Compartment,
        line: &str,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Flow {
        if self.pending.is_empty() {
            match command(line.trim()) {
                Some(Command::Exit) => return Flow::Exit,
                Some(Command::Help) => {
                    let _ = writeln!(out, "{HELP}");
                    return Flow::Continue;
                }
                Some(Command::Unknown) => {
                    let _ = writeln!(out, "Invalid REPL keyword (type .help)");
                    return Flow::Continue;
                }
                Some(Command::Empty) => return Flow::Continue,
                None => {}
            }
        }
        let finishing = line.trim().is_empty();
        self.pending.push_str(line);
        self.pending.push('\n');
        self.evaluate(engine, compartment, finishing, out, err);
        Flow::Continue
    }

    /// Evaluates what is left of an input at the end of the lines.
    fn finish(
        &mut self,
        engine: &mut Engine,
        compartment: &Compartment,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) {
        if !self.pending.is_empty() {
            self.evaluate(engine, compartment, true, out, err);
        }
    }

    /// Evaluates the input and prints its value or error; an input that ends too early waits
    /// for more lines unless `finishing`.
    fn evaluate(
        &mut self,
        engine: &mut Engine,
        compartment: &Compartment,
        finishing: bool,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) {
        let name = format!("REPL{}", self.inputs + 1);
        if let Some(interrupts) = &self.interrupts {
            interrupts.start();
        }
        let result = engine.evaluate_repl(compartment, Source::named(&name, &self.pending));
        if let Some(interrupts) = &self.interrupts {
            interrupts.stop();
        }
        match result {
            Err(error) if !finishing && ends_too_early(&error) => return,
            Ok(value) => {
                let _ = writeln!(
                    out,
                    "{}",
                    console::inspect_top(&value, engine.raw_context())
                );
            }
            Err(Error::Limit(Limit::Interrupted)) => {
                let _ = writeln!(
                    err,
                    "Interrupted (Ctrl+C): the input stopped; what it did so far is kept"
                );
            }
            Err(error) => {
                let _ = writeln!(err, "Uncaught {}", describe(&error));
            }
        }
        // Promises the input left rejected with no handler, as node reports them.
        for lost in engine.take_unhandled_rejections() {
            let _ = writeln!(err, "Uncaught (in promise) {}", describe(&lost));
        }
        self.inputs += 1;
        self.evaluated = Some(self.pending.trim_end().to_owned());
        self.pending.clear();
    }
}

/// What Ctrl+C does while an input runs, shared with the signal handler's thread.
struct Interrupts {
    handle: InterruptHandle,
    /// An input is running.
    busy: AtomicBool,
    /// Which input (counts up), so a late hint is not given for the next one.
    input: AtomicU64,
    /// Ctrl+C presses during this input.
    presses: AtomicU32,
    /// Lines come from a terminal (whose Ctrl+C at the prompt the line editor reads).
    interactive: bool,
}

impl Interrupts {
    /// Installs the Ctrl+C handler; `None` (Ctrl+C keeps its default effect) when one cannot
    /// be installed.
    fn install(handle: InterruptHandle, interactive: bool) -> Option<Arc<Self>> {
        let state = Arc::new(Self {
            handle,
            busy: AtomicBool::new(false),
            input: AtomicU64::new(0),
            presses: AtomicU32::new(0),
            interactive,
        });
        let shared = state.clone();
        match ctrlc::set_handler(move || shared.pressed()) {
            Ok(()) => Some(state),
            Err(error) => {
                eprintln!("compartment-run: Ctrl+C will end the session: {error}");
                None
            }
        }
    }

    fn start(&self) {
        self.presses.store(0, Ordering::SeqCst);
        self.input.fetch_add(1, Ordering::SeqCst);
        self.busy.store(true, Ordering::SeqCst);
    }

    fn stop(&self) {
        self.busy.store(false, Ordering::SeqCst);
    }

    /// Ctrl+C (on the handler's own thread).
    fn pressed(self: &Arc<Self>) {
        if !self.busy.load(Ordering::SeqCst) {
            // At a terminal's prompt the line editor reads Ctrl+C itself; reading lines from
            // elsewhere, Ctrl+C leaves, as it would without a handler.
            if !self.interactive {
                std::process::exit(130);
            }
            return;
        }
        if self.presses.fetch_add(1, Ordering::SeqCst) > 0 {
            eprintln!(
                "\ncompartment-run: the input did not stop at Ctrl+C; ending the session \
                 (its state is lost)"
            );
            std::process::exit(130);
        }
        self.handle.interrupt();
        if self.interactive {
            // After the terminal's `^C`.
            eprintln!();
        }
        let input = self.input.load(Ordering::SeqCst);
        let state = self.clone();
        std::thread::spawn(move || {
            std::thread::sleep(HINT_AFTER);
            if state.busy.load(Ordering::SeqCst) && state.input.load(Ordering::SeqCst) == input {
                eprintln!(
                    "\n(the input is still running: code that reads no global name, such as \
                     `for (;;) {{}}`, cannot be interrupted; press Ctrl+C again to end the \
                     session)"
                );
            }
        });
    }
}

/// A line that is a REPL command rather than code.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Empty,
    Exit,
    Help,
    Unknown,
}

fn command(line: &str) -> Option<Command> {
    match line {
        "" => Some(Command::Empty),
        ".exit" => Some(Command::Exit),
        ".help" => Some(Command::Help),
        // `.5 + 1` is code; `.foo` is a command this REPL does not have.
        _ if line.starts_with('.') && line[1..].starts_with(|c: char| c.is_ascii_alphabetic()) => {
            Some(Command::Unknown)
        }
        _ => None,
    }
}

/// Whether evaluating failed only because the input stopped in the middle (Boa's parser says
/// "abrupt end").
fn ends_too_early(error: &Error) -> bool {
    matches!(error, Error::Thrown(thrown) if thrown.name == "SyntaxError" && thrown.message.contains("abrupt end"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use hardened::{CompartmentOptions, LockdownOptions};

    #[test]
    fn commands_and_code_are_told_apart() {
        assert_eq!(command(".exit"), Some(Command::Exit));
        assert_eq!(command(".load x"), Some(Command::Unknown));
        assert_eq!(command(".5 + 1"), None);
        assert_eq!(command("1 + 1"), None);
    }

    #[test]
    fn unfinished_input_is_told_from_other_syntax_errors() {
        let mut engine = Engine::new().unwrap();
        let guest = engine.start_compartment().clone();
        for (source, early) in [
            ("function f() {", true),
            ("[1,", true),
            ("let = ;", false),
            ("await f(", true),
        ] {
            let error = engine.evaluate_repl(&guest, source).unwrap_err();
            assert_eq!(ends_too_early(&error), early, "{source}: {error}");
        }
    }

    /// Feeds `lines` to a new session and gives what it printed to stdout and stderr.
    fn session(lines: &[&str]) -> (String, String) {
        let mut engine = Engine::new().unwrap();
        engine.lockdown(LockdownOptions::default()).unwrap();
        let guest = engine.new_compartment(CompartmentOptions::new()).unwrap();
        let mut session = Session::new(None);
        let (mut out, mut err) = (Vec::new(), Vec::new());
        for line in lines {
            if session.feed(&mut engine, &guest, line, &mut out, &mut err) == Flow::Exit {
                break;
            }
        }
        session.finish(&mut engine, &guest, &mut out, &mut err);
        (
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    #[test]
    fn declarations_persist_across_lines() {
        let (out, err) = session(&[
            "let n = 0; const inc = () => ++n;",
            "function twice() {",
            "  inc(); return inc();",
            "}",
            "twice()",
            "n",
            "class C {}",
            "typeof C",
        ]);
        assert_eq!(out, "undefined\nundefined\n2\n2\nundefined\n'function'\n");
        assert_eq!(err, "");
    }

    #[test]
    fn top_level_await_and_errors() {
        let (out, err) = session(&[
            "await Promise.resolve(5)",
            "const v = await (async () => [1, 2])()",
            "v",
            "null.x",
            "v.length",
            ".exit",
            "'not reached'",
        ]);
        assert_eq!(out, "5\nundefined\n[ 1, 2 ]\n2\n");
        assert!(err.starts_with("Uncaught TypeError: "), "{err}");
    }

    #[test]
    fn an_unfinished_input_ends_with_an_empty_line() {
        let (out, err) = session(&["[1,", "", "1 +", "1"]);
        assert_eq!(out, "2\n");
        assert!(err.starts_with("Uncaught SyntaxError: "), "{err}");
    }
}
