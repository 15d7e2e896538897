//! Runs one test in one mode and variant, inside a worker process.

#[cfg(target_os = "linux")]
mod fork;
mod hardened;
mod host;
mod loader;
mod plain;

pub use host::agents_outlived_test;

use std::{
    collections::HashMap,
    fmt, fs,
    path::{Path, PathBuf},
    rc::Rc,
};

use boa_ast::{
    operations::{lexically_declared_names, var_declared_names},
    scope::Scope,
};
use boa_engine::{Context, JsError, JsValue, Source, js_string};
use boa_interner::Interner;
use boa_parser::Parser;

use crate::{
    meta::{Meta, Phase},
    protocol::{Job, Outcome},
    suite::{Variant, skip_reason},
};

/// A worker's state across tests.
pub struct Worker {
    harness: Harness,
    /// The hardened modes' locked-down engine, when engines are reused.
    engine: Option<hardened::Reused>,
    reuse: bool,
}

impl Worker {
    pub fn new(harness: PathBuf, reuse: bool) -> Self {
        Self {
            harness: Harness::new(harness),
            engine: None,
            reuse,
        }
    }

    /// Runs a job to its outcome and message.
    pub fn run(&mut self, job: &Job) -> (Outcome, String) {
        let test = match prepare(&job.path, job.variant, &mut self.harness) {
            Ok(test) => test,
            Err(message) => return (Outcome::Fail, message),
        };
        if let Some(reason) = skip_reason(&test.meta, job.mode) {
            return (Outcome::Skip, reason);
        }
        if job.mode.is_hardened() {
            hardened::run(&test, job.mode, job.engine, &mut self.engine, self.reuse)
        } else {
            verdict(plain::run(&test))
        }
    }
}

/// A test's outcome from its verdict.
fn verdict(result: Result<(), String>) -> (Outcome, String) {
    match result {
        Ok(()) => (Outcome::Pass, String::new()),
        Err(message) => (Outcome::Fail, message),
    }
}

/// A harness file, read once per worker.
pub struct HarnessFile {
    pub name: String,
    pub text: String,
    /// Its top-level declarations, which the hardened modes publish on the compartment's
    /// global object (a global script would have made them globals).
    pub declares: Vec<String>,
}

/// The harness files, read once per worker.
struct Harness {
    dir: PathBuf,
    files: HashMap<String, Rc<HarnessFile>>,
}

impl Harness {
    fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            files: HashMap::new(),
        }
    }

    fn get(&mut self, name: &str) -> Result<Rc<HarnessFile>, String> {
        if let Some(file) = self.files.get(name) {
            return Ok(file.clone());
        }
        let text = fs::read_to_string(self.dir.join(name))
            .map_err(|e| format!("harness file {name}: {e}"))?;
        let file = Rc::new(HarnessFile {
            name: name.to_owned(),
            declares: declared_names(&text).map_err(|e| format!("harness file {name}: {e}"))?,
            text,
        });
        self.files.insert(name.to_owned(), file.clone());
        Ok(file)
    }
}

/// The names a script declares at top level (`var`, functions, `let`, `const`, classes), read
/// from Boa's syntax tree. The `defines:` lists of harness files are not complete.
fn declared_names(source: &str) -> Result<Vec<String>, String> {
    let mut interner = Interner::default();
    let script = Parser::new(Source::from_bytes(source.as_bytes()))
        .parse_script(&Scope::new_global(), &mut interner)
        .map_err(|e| e.to_string())?;
    let statements = script.statements();
    let mut names: Vec<String> = var_declared_names(statements)
        .into_iter()
        .chain(lexically_declared_names(statements))
        .map(|sym| interner.resolve_expect(sym).to_string())
        .collect();
    names.sort();
    names.dedup();
    Ok(names)
}

/// A test ready to run.
pub struct Test {
    pub path: PathBuf,
    pub source: String,
    pub meta: Meta,
    pub variant: Variant,
    /// The harness files to evaluate first.
    pub prelude: Vec<Rc<HarnessFile>>,
}

impl Test {
    /// The test's source for its variant: INTERPRETING.md prepends the directive, shifting
    /// line numbers by one.
    pub fn variant_source(&self) -> String {
        if self.variant == Variant::Strict {
            format!("\"use strict\";\n{}", self.source)
        } else {
            self.source.clone()
        }
    }
}

fn prepare(path: &Path, variant: Variant, harness: &mut Harness) -> Result<Test, String> {
    let source = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let meta = Meta::parse(&source)?;
    let mut names: Vec<&str> = Vec::new();
    if !meta.flags.raw {
        names.extend(["assert.js", "sta.js"]);
        if meta.flags.is_async {
            names.push("doneprintHandle.js");
        }
        names.extend(meta.includes.iter().map(String::as_str));
    }
    let prelude = names
        .into_iter()
        .map(|name| harness.get(name))
        .collect::<Result<_, String>>()?;
    Ok(Test {
        path: path.to_path_buf(),
        source,
        meta,
        variant,
        prelude,
    })
}

/// Where an error came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Parse,
    Resolution,
    Runtime,
    /// The hardened evaluator parses and runs in one call: any phase.
    Unknown,
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Parse => "parse",
            Self::Resolution => "resolution",
            Self::Runtime => "runtime",
            Self::Unknown => "evaluation",
        })
    }
}

/// A thrown value, by its constructor's name as test262 compares it.
#[derive(Debug, Clone)]
pub struct Thrown {
    pub stage: Stage,
    pub name: String,
    pub message: String,
}

impl Thrown {
    pub fn new(stage: Stage, error: &JsError, context: &mut Context) -> Self {
        let (name, message) = describe(error, context);
        Self {
            stage,
            name,
            message,
        }
    }
}

impl fmt::Display for Thrown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} error: {}", self.stage, self.name)?;
        if !self.message.is_empty() {
            write!(f, ": {}", self.message)?;
        }
        Ok(())
    }
}

/// Name and message of an error. Reads `constructor.name` (Test262Error has no `name`
/// property), then `name`; getters may run, which is fine for a test runner.
fn describe(error: &JsError, context: &mut Context) -> (String, String) {
    if let Some(native) = error.as_native() {
        let name = match native.kind().to_string().as_str() {
            "UriError" => "URIError".to_owned(),
            other => other.to_owned(),
        };
        return (name, native.message().to_owned());
    }
    if let Some(engine) = error.as_engine() {
        return ("EngineError".into(), engine.to_string());
    }
    let value = error.as_opaque().cloned().unwrap_or_default();
    let Some(object) = value.as_object() else {
        return ("thrown value".into(), value.display().to_string());
    };
    let string = |value: JsValue| value.as_string().map(|s| s.to_std_string_escaped());
    let name = object
        .get(js_string!("constructor"), context)
        .ok()
        .and_then(|c| c.as_object())
        .and_then(|c| c.get(js_string!("name"), context).ok())
        .and_then(string)
        .filter(|name| !name.is_empty())
        .or_else(|| {
            object
                .get(js_string!("name"), context)
                .ok()
                .and_then(string)
        })
        .unwrap_or_else(|| "object".into());
    let message = object
        .get(js_string!("message"), context)
        .ok()
        .and_then(string)
        .unwrap_or_default();
    (name, message)
}

/// The verdict on a finished test: what it threw (if anything) against its `negative`
/// expectation, then the async protocol's `print`s.
pub fn judge(test: &Test, thrown: Option<Thrown>, prints: &[String]) -> Result<(), String> {
    let meta = &test.meta;
    match (thrown, &meta.negative) {
        (Some(thrown), Some(negative)) => {
            let phase_matches = matches!(
                (thrown.stage, negative.phase),
                (Stage::Unknown, _)
                    | (Stage::Parse, Phase::Parse)
                    | (Stage::Resolution, Phase::Resolution)
                    | (Stage::Runtime, Phase::Runtime)
            );
            if phase_matches && thrown.name == negative.kind {
                Ok(())
            } else {
                Err(format!(
                    "expected a {} error {}, got {thrown}",
                    phase_name(negative.phase),
                    negative.kind
                ))
            }
        }
        (Some(thrown), None) => Err(thrown.to_string()),
        (None, Some(negative)) => Err(format!(
            "expected a {} error {}, but the test completed",
            phase_name(negative.phase),
            negative.kind
        )),
        (None, None) if meta.flags.is_async => async_verdict(prints),
        (None, None) => Ok(()),
    }
}

fn phase_name(phase: Phase) -> &'static str {
    match phase {
        Phase::Parse => "parse",
        Phase::Resolution => "resolution",
        Phase::Runtime => "runtime",
    }
}

/// The `Test262:AsyncTestComplete` protocol of `doneprintHandle.js`.
fn async_verdict(prints: &[String]) -> Result<(), String> {
    for line in prints {
        if line == "Test262:AsyncTestComplete" {
            return Ok(());
        }
        if let Some(failure) = line.strip_prefix("Test262:AsyncTestFailure:") {
            return Err(format!("async failure: {failure}"));
        }
    }
    Err("the async test never called $DONE".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_declarations_only() {
        let source = "var a = 1, b; function f() { var inner; } let c; const d = 2; class E {}\n\
                      { let blocked; } if (a) { var hoisted; }";
        assert_eq!(
            declared_names(source).expect("parses"),
            ["E", "a", "b", "c", "d", "f", "hoisted"]
        );
    }
}
