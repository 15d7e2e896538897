//! The hardened modes: a `hardened::Engine` (or, in compartment mode, one per worker), harness
//! and test evaluated in one compartment (the start compartment, or a fresh one endowed with
//! `print` and `$262`).
//!
//! `Compartment.prototype.evaluate` has SES semantics: strict code whose top-level declarations
//! are local to the call. Each harness file is one evaluation that publishes the globals it
//! declares; the test is another, and its sloppy variant still runs strict.

use std::path::PathBuf;

use boa_engine::{JsObject, JsValue};
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

/// How many tests share one locked-down engine before it is replaced.
const REUSE: usize = 200;

/// An engine kept across tests.
///
/// In compartment mode it runs them: a fresh compartment per test in one locked-down engine is
/// the hardened-JavaScript model itself, and saves building and locking down an engine per
/// test. What could leak between tests is frozen; each test gets its own `print` log and agent
/// host, and the job queue is drained after every test.
///
/// In lockdown mode a test runs in the start compartment, whose global object is the one thing
/// after lockdown that a test can change and a later test could see. The engine is built for one
/// test directory (the start compartment's modules); a script test runs in it and its global
/// object is put back as it was ([`SNAPSHOT`]), and a test that may load modules (which stay in
/// the start compartment's module map) runs in a forked copy of the worker
/// ([`fork`](super::fork)). A test whose change cannot be undone ends the engine's use.
pub struct Reused {
    engine: Engine,
    mode: Mode,
    /// Lockdown mode's test directory.
    directory: Option<PathBuf>,
    /// Lockdown mode's snapshot taker ([`SNAPSHOT`]), made before any test ran.
    snapshot: Option<JsObject>,
    /// Tests run in this engine so far.
    uses: usize,
}

/// Returns a function that snapshots the start compartment's mutable state and returns the
/// function that puts it back. That state is every object reachable from the global object
/// without passing through a frozen one (lockdown hardens the intrinsics transitively): the
/// global itself, and the original `Symbol` with its functions, which the start compartment
/// keeps untouched (compartments share a frozen copy). For each, own properties (added ones
/// deleted, changed ones redefined) and prototype go back. The restorer answers whether all is
/// whole again; it is not when a test made one of them non-extensible, left a change that
/// cannot be taken back (a non-configurable property) or changed the order of their keys. Made before any test runs, it holds
/// every function it uses, so a test that replaces `Reflect`, `Object` or `Map` on the global
/// changes nothing here.
const SNAPSHOT: &str = r"
(() => {
  const global = globalThis;
  const { ownKeys, getOwnPropertyDescriptor, defineProperty, deleteProperty, getPrototypeOf,
    setPrototypeOf, isExtensible } = Reflect;
  const { is, isFrozen } = Object;
  const Entries = Map;
  const same = (a, b) => is(a.value, b.value) && a.get === b.get && a.set === b.set &&
    a.writable === b.writable && a.enumerable === b.enumerable &&
    a.configurable === b.configurable;
  const take = (object, states) => {
    if ((typeof object !== 'object' && typeof object !== 'function') || object === null ||
        isFrozen(object) || states.has(object)) {
      return;
    }
    const properties = new Entries();
    states.set(object, { prototype: getPrototypeOf(object), properties });
    for (const key of ownKeys(object)) {
      const descriptor = getOwnPropertyDescriptor(object, key);
      properties.set(key, descriptor);
      take(descriptor.value, states);
      take(descriptor.get, states);
      take(descriptor.set, states);
    }
    take(getPrototypeOf(object), states);
  };
  const putBack = (object, { prototype, properties }) => {
    if (!isExtensible(object)) return false;
    let whole = setPrototypeOf(object, prototype);
    for (const key of ownKeys(object)) {
      if (!properties.has(key)) whole = deleteProperty(object, key) && whole;
    }
    const order = [];
    for (const [key, descriptor] of properties) {
      const now = getOwnPropertyDescriptor(object, key);
      if (now === undefined || !same(now, descriptor)) {
        whole = defineProperty(object, key, descriptor) && whole;
      }
      order.push(key);
    }
    // A property deleted and defined again comes back last: the order a later test could
    // list differs, which only a new engine undoes.
    const keys = ownKeys(object);
    return whole && keys.length === order.length && keys.every((key, i) => key === order[i]);
  };
  return () => {
    const states = new Entries();
    take(global, states);
    return () => {
      let whole = true;
      for (const [object, state] of states) whole = putBack(object, state) && whole;
      return whole;
    };
  };
})()";

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
        (Mode::Lockdown, true, EngineState::AsMode) => in_start(test, reusable),
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
                snapshot: None,
                uses: 0,
            },
            Err(message) => return verdict(Err(message)),
        },
    };
    reused.uses += 1;
    let (result, healthy) = run_in(&mut reused.engine, test, Mode::Compartment, false);
    // An uncatchable engine error (a runtime limit) may leave the engine mid-job; jobs a test
    // left (it threw before draining them) must not run in the next one.
    if healthy && reused.engine.run_jobs().is_ok() {
        *reusable = Some(reused);
    }
    verdict(result)
}

/// Lockdown mode: the test in the start compartment of the worker's engine, which was built and
/// locked down for the test's directory, the start compartment's global object put back
/// afterwards; or in a forked copy of the worker (Linux) when the test may load modules.
fn in_start(test: &Test, reusable: &mut Option<Reused>) -> (Outcome, String) {
    let directory = test.path.parent().map(std::path::Path::to_path_buf);
    let mut reused = match reusable.take() {
        Some(reused)
            if reused.mode == Mode::Lockdown
                && reused.directory == directory
                && reused.uses < REUSE =>
        {
            reused
        }
        _ => match lockdown_engine(test, directory) {
            Ok(reused) => reused,
            Err(message) => return verdict(Err(message)),
        },
    };
    // `import` anywhere (a module test, `import()`, `import.meta`): what it loads would stay in
    // the start compartment's module map for the directory's later tests.
    if test.variant == Variant::Module || test.source.contains("import") {
        #[cfg(target_os = "linux")]
        {
            let result = super::fork::in_child(|| {
                verdict(run_in(&mut reused.engine, test, Mode::Lockdown, false).0)
            });
            *reusable = Some(reused);
            return result;
        }
        #[cfg(not(target_os = "linux"))]
        {
            *reusable = Some(reused);
            return verdict(in_new(test, Mode::Lockdown, EngineState::AsMode));
        }
    }
    reused.uses += 1;
    let Some(restore) = reused
        .snapshot
        .as_ref()
        .and_then(|take| reused.engine.call(take, &JsValue::undefined(), &[]).ok())
        .and_then(|restore| restore.as_object())
    else {
        return verdict(Err("cannot snapshot the start compartment".into()));
    };
    let (result, healthy) = run_in(&mut reused.engine, test, Mode::Lockdown, false);
    let restored = healthy
        && reused.engine.run_jobs().is_ok()
        && reused
            .engine
            .call(&restore, &JsValue::undefined(), &[])
            .is_ok_and(|whole| whole.as_boolean() == Some(true));
    if restored {
        *reusable = Some(reused);
    }
    verdict(result)
}

/// A locked-down engine for lockdown mode, its start compartment loading the test's directory.
fn lockdown_engine(test: &Test, directory: Option<PathBuf>) -> Result<Reused, String> {
    let mut engine = engine(
        EngineState::AsMode,
        start_modules(Mode::Lockdown, test),
        true,
    )?;
    let start = engine.start_compartment().clone();
    let snapshot = engine
        .evaluate_value(&start, SNAPSHOT)
        .map_err(|e| format!("cannot make the snapshot function: {e}"))?
        .as_object();
    // Forked children start with nothing to collect, so that a short test's collector does not
    // copy the whole heap out of the pages it shares with the worker.
    boa_gc::force_collect();
    Ok(Reused {
        engine,
        mode: Mode::Lockdown,
        directory,
        snapshot,
        uses: 0,
    })
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
    // The test's agent channels close, so that an agent still waiting for a broadcast ends.
    engine.raw_context().insert_data(AgentHost::default());
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Snapshots the start compartment's global object, runs `change` there, and says whether
    /// the restorer answered that the global is whole, with the global's state afterwards.
    fn change_and_restore(change: &str) -> (bool, String) {
        let mut engine = engine(EngineState::AsMode, None, true).expect("engine");
        let start = engine.start_compartment().clone();
        let take = engine
            .evaluate_value(&start, SNAPSHOT)
            .expect("snapshot function")
            .as_object()
            .expect("a function");
        engine
            .evaluate_value(
                &start,
                "globalThis.kept = 1; globalThis.changed = 'before';",
            )
            .expect("setup");
        let restore = engine
            .call(&take, &JsValue::undefined(), &[])
            .expect("snapshot")
            .as_object()
            .expect("a restorer");
        engine.evaluate_value(&start, change).expect("change");
        let whole = engine
            .call(&restore, &JsValue::undefined(), &[])
            .expect("restore")
            .as_boolean()
            .expect("a boolean");
        let state = engine
            .evaluate_value(
                &start,
                "[typeof added, kept, changed, Object.getPrototypeOf(globalThis) === Object.prototype,
                  typeof Object, typeof Reflect, typeof Symbol.for,
                  Symbol.added].join()",
            )
            .expect("state")
            .to_string(engine.raw_context())
            .expect("a string")
            .to_std_string_escaped();
        (whole, state)
    }

    #[test]
    fn the_start_global_is_put_back() {
        let whole = (
            true,
            "undefined,1,before,true,function,object,function,".to_owned(),
        );
        for change in [
            "globalThis.added = 1",
            "globalThis.changed = 'after'",
            "Object.defineProperty(globalThis, 'changed', { get() { return 'accessor' } })",
            "Object.setPrototypeOf(globalThis, null)",
            // The restorer holds its own functions: replacing them on the global changes nothing.
            "globalThis.Reflect = {}; globalThis.Object = 1; globalThis.added = 2",
            // The start compartment's original `Symbol` is not frozen (compartments share a
            // frozen copy).
            "Symbol.added = 1",
        ] {
            assert_eq!(change_and_restore(change), whole, "{change}");
        }
    }

    #[test]
    fn changes_that_cannot_be_undone_are_reported() {
        for change in [
            "Object.preventExtensions(globalThis)",
            "Object.defineProperty(globalThis, 'added', { value: 1 })",
            "Object.defineProperty(globalThis, 'changed', { value: 'after', configurable: false })",
            "Object.freeze(Symbol)",
        ] {
            assert!(!change_and_restore(change).0, "{change}");
        }
        // Deleted properties come back, but last: the state is right, the order is not.
        for change in [
            "delete globalThis.kept",
            "delete globalThis.Object; delete globalThis.Reflect",
            "delete Symbol.for",
        ] {
            assert_eq!(
                change_and_restore(change),
                (
                    false,
                    "undefined,1,before,true,function,object,function,".to_owned()
                ),
                "{change}"
            );
        }
    }
}
