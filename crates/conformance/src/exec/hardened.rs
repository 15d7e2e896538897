//! The hardened modes: a `hardened::Engine` (or, in compartment mode, one per worker), harness
//! and test evaluated in one compartment (the start compartment, or a fresh one endowed with
//! `print` and `$262`).
//!
//! `Compartment.prototype.evaluate` has SES semantics: strict code whose top-level declarations
//! are local to the call. Each harness file is one evaluation that publishes the globals it
//! declares; the test is another, and its sloppy variant still runs strict.

use std::path::PathBuf;

use hardened::{Compartment, CompartmentOptions, Engine, Error, LockdownOptions, ModuleDirectory};

use super::{
    Stage, Test, Thrown, host,
    host::{AgentHost, PrintLog},
    judge, verdict,
};
use crate::{
    protocol::{EngineState, Outcome},
    suite::{Mode, Variant},
};

/// Completes `$262` inside the test's compartment: `global`, `evalScript` (the compartment's
/// own indirect eval) and `createRealm`, which makes a child compartment, the nearest thing to
/// a realm when every compartment shares the intrinsics; a child gets the [`START_ONLY`]
/// globals the test's compartment has. Called with the names' array.
const HOST_SETUP: &str = r"
((print, host, startOnly) => {
  const endowed = Object.fromEntries(
    startOnly.filter((name) => name in globalThis).map((name) => [name, globalThis[name]]));
  const natives = { detachArrayBuffer: host.detachArrayBuffer, gc: host.gc, agent: host.agent };
  const complete = (record, global, evalScript) => {
    record.global = global;
    record.evalScript = evalScript;
    record.createRealm = function createRealm() {
      const child = { ...natives };
      const compartment = new Compartment({ __options__: true, globals: { ...endowed, print, $262: child } });
      return complete(child, compartment.globalThis, (source) => compartment.evaluate(source));
    };
    return record;
  };
  complete(host, globalThis, (source) => (0, eval)(source));
})";

/// Globals that lockdown keeps in the start compartment only (timing channels, GC
/// observability, NaN bit patterns). A SES compartment lacks them; the test compartment is
/// endowed with them, as a host that trusts the test would do, so that their tests measure the
/// engine.
pub const START_ONLY: [&str; 6] = [
    "Float32Array",
    "Float64Array",
    "SharedArrayBuffer",
    "Atomics",
    "WeakRef",
    "FinalizationRegistry",
];

/// How many tests share one locked-down engine in compartment mode before it is replaced.
const REUSE: usize = 200;

/// An engine kept across tests.
///
/// In compartment mode it runs them: a fresh compartment per test in one locked-down engine is
/// the hardened-JavaScript model itself, and saves building and locking down an engine per
/// test. What could leak between tests is frozen; each test gets its own `print` log and agent
/// host, and the job queue is drained after every test.
///
/// In lockdown mode, where a test runs in the start compartment and may change it, the engine
/// is built for one test directory (the start compartment's modules) and never runs anything:
/// each test runs in a forked copy of the worker ([`fork`](super::fork)).
pub struct Reused {
    engine: Engine,
    mode: Mode,
    /// Lockdown mode's test directory.
    directory: Option<PathBuf>,
    /// Compartment mode's tests so far.
    uses: usize,
}

/// Runs a test in a hardened mode, with the engine the mode has or (`--verify`) one that is not
/// locked down or only frozen.
pub fn run(
    test: &Test,
    mode: Mode,
    state: EngineState,
    reusable: &mut Option<Reused>,
    reuse: bool,
) -> (Outcome, String) {
    match (mode, reuse, state) {
        (Mode::Compartment, true, EngineState::AsMode) => in_reused(test, reusable),
        #[cfg(target_os = "linux")]
        (Mode::Lockdown, true, EngineState::AsMode) => in_fork(test, reusable),
        _ => verdict(in_new(test, mode, state)),
    }
}

/// Compartment mode: the test in the worker's engine.
fn in_reused(test: &Test, reusable: &mut Option<Reused>) -> (Outcome, String) {
    let mut reused = match reusable.take() {
        Some(reused) if reused.mode == Mode::Compartment && reused.uses < REUSE => reused,
        _ => match engine(EngineState::AsMode, None, true) {
            Ok(engine) => Reused {
                engine,
                mode: Mode::Compartment,
                directory: None,
                uses: 0,
            },
            Err(message) => return verdict(Err(message)),
        },
    };
    reused.uses += 1;
    let (result, healthy) = run_in(&mut reused.engine, test, Mode::Compartment, false);
    // An uncatchable engine error (a runtime limit) may leave the engine mid-job.
    if healthy {
        *reusable = Some(reused);
    }
    verdict(result)
}

/// Lockdown mode: the test in a forked copy of the worker, whose engine was built and locked
/// down for the test's directory.
#[cfg(target_os = "linux")]
fn in_fork(test: &Test, reusable: &mut Option<Reused>) -> (Outcome, String) {
    let directory = test.path.parent().map(std::path::Path::to_path_buf);
    let mut reused = match reusable.take() {
        Some(reused) if reused.mode == Mode::Lockdown && reused.directory == directory => reused,
        _ => match engine(
            EngineState::AsMode,
            start_modules(Mode::Lockdown, test),
            true,
        ) {
            Ok(engine) => {
                // Children start with nothing to collect, so that a short test's collector
                // does not copy the whole heap out of the pages it shares with the worker.
                boa_gc::force_collect();
                Reused {
                    engine,
                    mode: Mode::Lockdown,
                    directory,
                    uses: 0,
                }
            }
            Err(message) => return verdict(Err(message)),
        },
    };
    let result = super::fork::in_child(|| {
        verdict(run_in(&mut reused.engine, test, Mode::Lockdown, false).0)
    });
    *reusable = Some(reused);
    result
}

/// Any other case: the test in an engine of its own.
fn in_new(test: &Test, mode: Mode, state: EngineState) -> Result<(), String> {
    let state = match (mode, state) {
        (Mode::CompartmentSuite, _) => EngineState::Unlocked,
        (_, state) => state,
    };
    // The Compartment suite was written for XS, whose `compartment.import()` resolves to the
    // namespace itself rather than the SES shim's `{namespace}` box.
    let mut engine = engine(
        state,
        start_modules(mode, test),
        mode != Mode::CompartmentSuite,
    )?;
    run_in(&mut engine, test, mode, state == EngineState::FrozenOnly).0
}

/// Where the start compartment loads modules from: in lockdown mode, where the test runs there,
/// the test's directory.
fn start_modules(mode: Mode, test: &Test) -> Option<ModuleDirectory> {
    match mode {
        Mode::Lockdown => directory_of(test),
        _ => None,
    }
}

/// The files of the test's directory, as modules.
fn directory_of(test: &Test) -> Option<ModuleDirectory> {
    test.path
        .parent()
        .and_then(|dir| ModuleDirectory::new(dir).ok())
}

/// `--verify`'s freeze without lockdown's tamings, run after the harness (whose
/// `Test262Error.prototype.toString = ...` would otherwise meet the override mistake, which
/// lockdown's override taming avoids): freezes every intrinsic a new compartment shares, the
/// start-only ones, and those only syntax reaches, but no global object and nothing the
/// harness made. Called with the start-only names.
const FREEZE_ONLY: &str = r"
((startOnly) => {
  const shared = new Compartment().globalThis;
  const seen = new Set([globalThis, shared]);
  const freeze = (value) => {
    if (Object(value) !== value || seen.has(value)) return;
    seen.add(value);
    Object.freeze(value);
    freeze(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) {
      const desc = Object.getOwnPropertyDescriptor(value, key);
      freeze(desc.value); freeze(desc.get); freeze(desc.set);
    }
  };
  const roots = [
    function* () {}, async function () {}, async function* () {}, async () => {},
    [][Symbol.iterator](), new Map().entries(), new Set().values(), ''[Symbol.iterator](),
    ''.matchAll(/./g), (function* () {})(), (async function* () {})(),
    Object.getPrototypeOf(Int8Array), (function () { return arguments; })(),
  ];
  const own = ['globalThis', 'eval', 'Function', 'Compartment'];
  for (const key of Reflect.ownKeys(shared)) {
    if (own.includes(key)) continue;
    const desc = Object.getOwnPropertyDescriptor(shared, key);
    roots.push(desc.value, desc.get, desc.set);
  }
  for (const name of startOnly) roots.push(globalThis[name]);
  roots.forEach(freeze);
})";

/// A new engine whose start compartment loads modules from `directory`, in the given state;
/// the Compartment suite runs unlocked unless a test calls lockdown() itself.
fn engine(
    state: EngineState,
    directory: Option<ModuleDirectory>,
    namespace_box: bool,
) -> Result<Engine, String> {
    let mut start = CompartmentOptions::new();
    if let Some(directory) = directory {
        start = start.module_directory(directory);
    }
    let mut engine = Engine::builder()
        .start_compartment(start)
        .namespace_box(namespace_box)
        .build()
        .map_err(|e| format!("cannot build the engine: {e}"))?;
    match state {
        EngineState::AsMode => {
            engine
                .lockdown(LockdownOptions::default())
                .map_err(|e| format!("lockdown failed: {e}"))?;
        }
        // The freeze comes after the harness (`run_in`).
        EngineState::Unlocked | EngineState::FrozenOnly => {}
    }
    Ok(engine)
}

/// Runs the test (freezing the intrinsics after the harness when `freeze`); also says whether
/// the engine is still fit for another test.
fn run_in(
    engine: &mut Engine,
    test: &Test,
    mode: Mode,
    freeze: bool,
) -> (Result<(), String>, bool) {
    engine.raw_context().insert_data(PrintLog::default());
    engine.raw_context().insert_data(AgentHost::default());
    let (compartment, directory) = match test_compartment(engine, mode, test) {
        Ok(made) => made,
        Err(e) => {
            return (
                Err(format!("cannot set up the test compartment: {e}")),
                false,
            );
        }
    };
    let setup = format!("{HOST_SETUP}(print, $262, [{}]);", names(&START_ONLY));
    if let Err(thrown) = evaluate(engine, &compartment, &setup) {
        return (Err(format!("cannot complete $262: {thrown}")), false);
    }
    // Harness files are global scripts in test262. Here each is one evaluation whose
    // declarations stay local, so they are published on the compartment's global object for
    // the evaluations that follow.
    for file in &test.prelude {
        let mut source = file.text.clone();
        for name in &file.declares {
            source.push_str(&format!("\nglobalThis.{name} = {name};"));
        }
        if let Err(thrown) = evaluate(engine, &compartment, &source) {
            return (
                Err(format!("harness {}: {thrown}", file.name)),
                engine.is_usable(),
            );
        }
    }
    if freeze {
        let start = engine.start_compartment().clone();
        let source = format!("{FREEZE_ONLY}([{}]);", names(&START_ONLY));
        if let Err(thrown) = evaluate(engine, &start, &source) {
            return (
                Err(format!("freezing the intrinsics failed: {thrown}")),
                false,
            );
        }
    }
    let thrown = if test.variant == Variant::Module {
        run_module(engine, &compartment, directory.as_ref(), test)
    } else {
        run_script(engine, &compartment, test)
    };
    let healthy = engine.is_usable() && thrown.as_ref().is_none_or(|t| t.name != "EngineError");
    let prints = engine
        .raw_context()
        .get_data::<PrintLog>()
        .map(|log| log.0.borrow().clone())
        .unwrap_or_default();
    (judge(test, thrown, &prints), healthy)
}

/// A module-flag test: evaluated as a module of the compartment under its file's specifier
/// (so that it can import itself), its `./x_FIXTURE.js` imports served from the test's
/// directory when the compartment has one.
fn run_module(
    engine: &mut Engine,
    compartment: &Compartment,
    directory: Option<&ModuleDirectory>,
    test: &Test,
) -> Option<Thrown> {
    let specifier = match directory.map(|d| d.specifier_of(&test.path)) {
        Some(Ok(specifier)) => specifier,
        Some(Err(message)) => {
            return Some(Thrown {
                stage: Stage::Unknown,
                name: "HostError".into(),
                message,
            });
        }
        None => format!(
            "./{}",
            test.path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ),
    };
    engine
        .evaluate_module(compartment, &specifier, &test.source)
        .err()
        .map(thrown)
}

/// The compartment a test runs in, and the directory its modules come from. In compartment
/// mode that is a fresh compartment endowed with `print` and `$262` whose modules are the
/// files of the test's directory; otherwise the start compartment, which in lockdown mode the
/// engine was built to load the same directory.
fn test_compartment(
    engine: &mut Engine,
    mode: Mode,
    test: &Test,
) -> Result<(Compartment, Option<ModuleDirectory>), String> {
    let start = engine.start_compartment().global_object();
    let context = engine.raw_context();
    let host = host::native_members(context);
    if mode == Mode::Compartment {
        let mut options = CompartmentOptions::new()
            .name("test262")
            .function("print", 1, host::print_function())
            .global("$262", host);
        for name in START_ONLY {
            let value = start
                .get(boa_engine::JsString::from(name), context)
                .map_err(|e| e.to_string())?;
            options = options.global(name, value);
        }
        let directory = directory_of(test);
        if let Some(directory) = &directory {
            options = options.module_directory(directory.clone());
        }
        let compartment = engine.new_compartment(options).map_err(|e| e.to_string())?;
        return Ok((compartment, directory));
    }
    let global = start;
    let start = engine.start_compartment().clone();
    let context = engine.raw_context();
    let print = host::function(context, "print", 1, host::print_function());
    host::define_global(&global, "print", print, context).map_err(|e| e.to_string())?;
    host::define_global(&global, "$262", host, context).map_err(|e| e.to_string())?;
    Ok((start, start_modules(mode, test)))
}

fn run_script(engine: &mut Engine, compartment: &Compartment, test: &Test) -> Option<Thrown> {
    if let Err(thrown) = evaluate(engine, compartment, &test.variant_source()) {
        return Some(thrown);
    }
    let jobs = engine.run_jobs();
    jobs.err().map(|error| Thrown {
        stage: Stage::Runtime,
        name: "EngineError".into(),
        message: error.to_string(),
    })
}

/// Names as the elements of a JavaScript array literal.
fn names(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("'{name}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Runs script `source` in the compartment through the Rust API (which contains Boa's panics).
/// `evaluate_value`, not `run_script`: test262 never reads a script's completion value, but a
/// source that ends in control flow then runs as a direct eval, whose top-level `var`s live in
/// an environment; compiled as a function body (`run_script`) they are registers, where Boa
/// 0.22 reads `x` in `x - (x = 1)` after the assignment (a Boa defect every function body
/// has; docs/compatibility.md).
fn evaluate(engine: &mut Engine, compartment: &Compartment, source: &str) -> Result<(), Thrown> {
    engine
        .evaluate_value(compartment, source)
        .map(drop)
        .map_err(thrown)
}

/// A thrown value as test262 compares it: by its constructor's name (`Test262Error` has no
/// `name` property).
fn thrown(error: Error) -> Thrown {
    let (name, message) = match error {
        Error::Thrown(thrown) => (thrown.constructor.unwrap_or(thrown.name), thrown.message),
        other => ("EngineError".into(), other.to_string()),
    };
    Thrown {
        stage: Stage::Unknown,
        name,
        message,
    }
}
