//! The interactive loop `compartment-run` starts when it has no file and standard input is a
//! terminal: each line is evaluated in the same compartment, so state lives on `globalThis`
//! (top-level declarations are local to their line, as with every `evaluate`).

use rustyline::{DefaultEditor, error::ReadlineError};

use hardened::{Compartment, Engine};

use crate::{console, describe};

const HELP: &str = "\
Each line is evaluated in one locked-down compartment and its value is printed.
Top-level declarations are local to their line: keep state on globalThis
(globalThis.total = 1). Capabilities are the ones granted on the command line.
  .help   this text
  .exit   leave (or Ctrl+D)";

/// Reads, evaluates and prints until `.exit` or end of input.
pub fn run(engine: &mut Engine, compartment: &Compartment) -> Result<(), String> {
    let mut editor = DefaultEditor::new().map_err(|error| error.to_string())?;
    println!(
        "compartment-run {}: a fresh compartment after lockdown(). Type .help for help, .exit to leave.",
        env!("CARGO_PKG_VERSION")
    );
    loop {
        let line = match editor.readline("> ") {
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => {
                println!("(To leave, press Ctrl+D or type .exit)");
                continue;
            }
            Err(ReadlineError::Eof) => return Ok(()),
            Err(error) => return Err(error.to_string()),
        };
        let source = line.trim();
        match source {
            "" => continue,
            ".exit" => return Ok(()),
            ".help" => {
                println!("{HELP}");
                continue;
            }
            _ => {}
        }
        let _ = editor.add_history_entry(source);
        let result = engine
            .evaluate_value(compartment, source)
            .and_then(|value| engine.run_jobs().map(|()| value));
        match result {
            Ok(value) => println!("{}", console::inspect(&value, engine.raw_context())),
            Err(error) => eprintln!("Uncaught {}", describe(&error)),
        }
    }
}
