//! The interactive loop `compartment-run` starts when it has no file and standard input is a
//! terminal: each line is evaluated in the same compartment, so state lives on `globalThis`
//! (top-level declarations are local to their line, as with every `evaluate`).

use rustyline::{DefaultEditor, error::ReadlineError};

use hardened::{Compartment, Engine, Error};

use crate::{console, describe};

const HELP: &str = "\
Each input is evaluated in one locked-down compartment and its value is printed; an
unfinished input (function f() {) continues on the next line, and an empty line ends it.
Top-level declarations are local to their input: keep state on globalThis
(globalThis.total = 1). Capabilities are the ones granted on the command line.
  .help   this text
  .exit   leave (or Ctrl+D)";

/// Reads, evaluates and prints until `.exit` or end of input. Input that ends too early
/// (`function f() {`) continues on the next line, as in node; an empty line evaluates what
/// was typed so far.
pub fn run(engine: &mut Engine, compartment: &Compartment) -> Result<(), String> {
    let mut editor = DefaultEditor::new().map_err(|error| error.to_string())?;
    println!(
        "compartment-run {}: a fresh compartment after lockdown(). Type .help for help, .exit to leave.",
        env!("CARGO_PKG_VERSION")
    );
    let mut pending = String::new();
    loop {
        let prompt = if pending.is_empty() { "> " } else { "... " };
        let line = match editor.readline(prompt) {
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => {
                if pending.is_empty() {
                    println!("(To leave, press Ctrl+D or type .exit)");
                }
                pending.clear();
                continue;
            }
            Err(ReadlineError::Eof) => return Ok(()),
            Err(error) => return Err(error.to_string()),
        };
        if pending.is_empty() {
            match command(line.trim()) {
                Some(Command::Exit) => return Ok(()),
                Some(Command::Help) => {
                    println!("{HELP}");
                    continue;
                }
                Some(Command::Unknown) => {
                    println!("Invalid REPL keyword (type .help)");
                    continue;
                }
                Some(Command::Empty) => continue,
                None => {}
            }
        }
        let finishing = line.trim().is_empty();
        pending.push_str(&line);
        pending.push('\n');
        let result = engine
            .evaluate_value(compartment, pending.as_str())
            .and_then(|value| engine.run_jobs().map(|()| value));
        match result {
            Err(error) if !finishing && ends_too_early(&error) => continue,
            Ok(value) => println!("{}", console::inspect(&value, engine.raw_context())),
            Err(error) => eprintln!("Uncaught {}", describe(&error)),
        }
        let _ = editor.add_history_entry(pending.trim_end());
        pending.clear();
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
        for (source, early) in [("function f() {", true), ("[1,", true), ("let = ;", false)] {
            let error = engine.evaluate_value(&guest, source).unwrap_err();
            assert_eq!(ends_too_early(&error), early, "{source}: {error}");
        }
    }
}
