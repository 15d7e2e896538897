//! A plugin host: loads untrusted plugins from `examples/plugins/<name>/`, each into its own
//! compartment after `lockdown()`, with only the capabilities its `manifest.json` asks for, and
//! calls each plugin's exported `transform(input)`.
//!
//! - A plugin's modules come from its own directory and nowhere else ([`ModuleDirectory`]).
//! - Capabilities are typed Rust closures: the global function `log(message)`
//!   ([`CompartmentOptions::host_fn`]) and the frozen objects `clock.now()` and
//!   `kv.get/set/keys` ([`CompartmentOptions::host_object`]), a small key-value store of
//!   strings the host keeps per plugin.
//! - Host state the plugins share (the log, the clock) lives in the engine
//!   ([`Engine::set_data`]); a plugin's own store is shared only by its own `kv` functions.
//! - Each plugin runs under its own [`Limits`] (the manifest may ask for less than the host's
//!   ceiling, never more).
//! - A plugin that misbehaves (reaches for a capability it did not ask for, imports outside its
//!   directory, loops forever, asks for a capability the host does not offer) gets a one-line
//!   error, and the host carries on with the next one in the same engine.
//!
//! Safe Rust only, and no Boa types: everything goes through `hardened`'s host API.
//!
//! Run it with `cargo run --release -p hardened --example plugin_host`.

use std::{
    cell::RefCell,
    collections::BTreeMap,
    fmt::Write as _,
    fs,
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
    time::Duration,
};

use hardened::{
    Caller, CompartmentOptions, Engine, HostError, HostObject, Limits, LockdownOptions,
    ModuleDirectory, TypedFunction,
};
use serde_json::Value as Json;

type BoxError = Box<dyn std::error::Error>;

/// The host's ceiling for every plugin; a manifest may only lower these.
const MAX_LOOP_ITERATIONS: u64 = 1_000_000;
const MAX_RECURSION: usize = 256;
const MAX_TIMEOUT: Duration = Duration::from_millis(500);
/// The key-value store's bounds, so that a plugin cannot grow host memory without limit.
const KV_MAX_ENTRIES: usize = 64;
const KV_MAX_KEY_LENGTH: usize = 256;
const KV_MAX_VALUE_LENGTH: usize = 4096;

/// What a manifest may ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Capability {
    /// `log(message)`: lines the host prints under the plugin's name.
    Log,
    /// `clock.now()`: the host's time in milliseconds.
    Clock,
    /// `kv.get(key)`, `kv.set(key, value)`, `kv.keys()`: the plugin's own store of strings.
    Kv,
}

impl Capability {
    fn parse(name: &str) -> Option<Self> {
        match name {
            "log" => Some(Self::Log),
            "clock" => Some(Self::Clock),
            "kv" => Some(Self::Kv),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Log => "log",
            Self::Clock => "clock",
            Self::Kv => "kv",
        }
    }
}

/// A parsed `manifest.json`.
struct Manifest {
    name: String,
    /// The entry module, relative to the plugin's directory.
    main: String,
    capabilities: Vec<Capability>,
    limits: Limits,
}

/// Reads a manifest strictly: unknown keys and unknown capabilities are errors, so a typo never
/// silently grants or drops something.
fn parse_manifest(text: &str) -> Result<Manifest, String> {
    let json: Json = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let fields = json
        .as_object()
        .ok_or("the manifest must be a JSON object")?;
    if let Some(key) = fields.keys().find(|key| {
        !["name", "description", "main", "capabilities", "limits"].contains(&key.as_str())
    }) {
        return Err(format!("unknown manifest key \"{key}\""));
    }
    let string = |key: &str| fields.get(key).and_then(Json::as_str).map(str::to_owned);
    let name = string("name").ok_or("\"name\" must be a string")?;
    let main = string("main").unwrap_or_else(|| "main.mjs".to_owned());
    let mut capabilities = Vec::new();
    let requested = match fields.get("capabilities") {
        Some(Json::Array(list)) => list.as_slice(),
        None => &[],
        Some(_) => return Err("\"capabilities\" must be an array of names".into()),
    };
    for entry in requested {
        let name = entry.as_str().ok_or("capabilities are strings")?;
        let capability = Capability::parse(name)
            .ok_or_else(|| format!("this host offers no capability \"{name}\""))?;
        if !capabilities.contains(&capability) {
            capabilities.push(capability);
        }
    }
    let mut limits = Limits::new()
        .loop_iterations(MAX_LOOP_ITERATIONS)
        .recursion(MAX_RECURSION)
        .timeout(MAX_TIMEOUT);
    if let Some(asked) = fields.get("limits") {
        let asked = asked.as_object().ok_or("\"limits\" must be an object")?;
        for (key, value) in asked {
            let n = value
                .as_u64()
                .ok_or_else(|| format!("limit \"{key}\" must be a whole number"))?;
            limits = match key.as_str() {
                "loopIterations" => limits.loop_iterations(n.min(MAX_LOOP_ITERATIONS)),
                "recursion" => limits.recursion(
                    usize::try_from(n)
                        .unwrap_or(MAX_RECURSION)
                        .min(MAX_RECURSION),
                ),
                "timeoutMs" => limits.timeout(Duration::from_millis(n).min(MAX_TIMEOUT)),
                _ => return Err(format!("unknown limit \"{key}\"")),
            };
        }
    }
    Ok(Manifest {
        name,
        main,
        capabilities,
        limits,
    })
}

/// Lines logged by plugins, drained by the host after each call (engine data: the `log`
/// functions reach it through their [`Caller`]).
#[derive(Default)]
struct LogLines(RefCell<Vec<String>>);

/// The host's clock (engine data: `clock.now()` reads it through its [`Caller`]).
struct Clock(Box<dyn Fn() -> f64>);

/// One plugin's key-value store, kept by the host across calls. Only that plugin's `kv`
/// functions hold it: each closure must be `Send`, hence `Arc<Mutex<..>>`.
type Store = Arc<Mutex<BTreeMap<String, String>>>;

/// `log(message)`: a line under the plugin's name.
fn log_function(options: CompartmentOptions, plugin: &str) -> CompartmentOptions {
    let plugin = plugin.to_owned();
    options.host_fn(
        "log",
        move |caller: &mut Caller<'_>, (message,): (String,)| {
            let lines = caller
                .data::<LogLines>()
                .ok_or_else(|| HostError::error("log: the host keeps no log"))?;
            lines.0.borrow_mut().push(format!("[{plugin}] {message}"));
            Ok(())
        },
    )
}

/// `kv`: an object of three Rust functions over one plugin's store.
fn kv_object(store: &Store) -> HostObject {
    let (get, set, keys) = (store.clone(), store.clone(), store.clone());
    HostObject::new()
        .function("get", move |_: &mut Caller<'_>, (key,): (String,)| {
            Ok(get.lock().map_err(poisoned)?.get(&key).cloned())
        })
        .function(
            "set",
            move |_: &mut Caller<'_>, (key, value): (String, String)| {
                let mut entries = set.lock().map_err(poisoned)?;
                if key.len() > KV_MAX_KEY_LENGTH
                    || value.len() > KV_MAX_VALUE_LENGTH
                    || (entries.len() >= KV_MAX_ENTRIES && !entries.contains_key(&key))
                {
                    return Err(HostError::range_error("kv: the store is full"));
                }
                entries.insert(key, value);
                Ok(())
            },
        )
        .function("keys", move |_: &mut Caller<'_>, (): ()| {
            Ok(keys
                .lock()
                .map_err(poisoned)?
                .keys()
                .cloned()
                .collect::<Vec<_>>())
        })
}

/// A store whose lock a panicking `kv` function left poisoned.
fn poisoned<T>(_: T) -> HostError {
    HostError::error("kv: the store is unavailable")
}

/// `clock`: `clock.now()`, the host's time in milliseconds.
fn clock_object() -> HostObject {
    HostObject::new().function("now", |caller: &mut Caller<'_>, (): ()| {
        let clock = caller
            .data::<Clock>()
            .ok_or_else(|| HostError::error("clock: the host has no clock"))?;
        Ok((clock.0)())
    })
}

/// A loaded plugin.
struct Plugin {
    name: String,
    capabilities: Vec<Capability>,
    limits: Limits,
    /// `transform(input)` with its result as JSON text (`undefined` when it has none).
    transform: TypedFunction<(String,), Option<String>>,
}

/// One engine, locked down, hosting every plugin in a compartment of its own.
struct Host {
    engine: Engine,
}

impl Host {
    fn new(clock: impl Fn() -> f64 + 'static) -> Result<Self, hardened::Error> {
        // Locked down as it is built, before any plugin code exists: the shared intrinsics are
        // frozen and tamed.
        let mut engine = Engine::builder()
            .lockdown(LockdownOptions::default())
            .build()?;
        engine.set_data(LogLines::default());
        engine.set_data(Clock(Box::new(clock)));
        Ok(Self { engine })
    }

    /// Reads the manifest, builds the compartment with the granted capabilities only, and
    /// imports the entry module (whose top-level code runs under the plugin's limits).
    fn load(&mut self, directory: &Path) -> Result<Plugin, String> {
        let text = fs::read_to_string(directory.join("manifest.json"))
            .map_err(|e| format!("manifest.json: {e}"))?;
        let manifest = parse_manifest(&text).map_err(|e| format!("manifest.json: {e}"))?;
        let modules = ModuleDirectory::new(directory).map_err(|e| e.to_string())?;
        // `specifier_of` refuses an entry point outside the plugin's directory.
        let main = modules.specifier_of(directory.join(&manifest.main))?;
        let mut options = CompartmentOptions::new()
            .name(manifest.name.as_str())
            .module_directory(modules);
        for capability in &manifest.capabilities {
            options = match capability {
                Capability::Log => log_function(options, &manifest.name),
                // A new store for each plugin; the object (frozen) cannot be altered by it.
                Capability::Kv => options.host_object("kv", kv_object(&Store::default())),
                Capability::Clock => options.host_object("clock", clock_object()),
            };
        }
        let compartment = self
            .engine
            .new_compartment(options)
            .map_err(|e| e.to_string())?;
        self.engine.set_limits(manifest.limits.clone());
        let namespace = self
            .engine
            .import(&compartment, &main)
            .map_err(|e| e.to_string())?;
        let transform: TypedFunction<(String,), ()> = self
            .engine
            .get_function(&namespace, "transform")
            .map_err(|_| "the plugin does not export a transform function".to_owned())?;
        // The host's own wrapper, in a compartment of its own, turns the result into JSON. The
        // plugin's function still reads its own compartment's globals, whoever calls it.
        let call_site = self
            .engine
            .new_compartment(
                CompartmentOptions::new()
                    .name("host call")
                    .global("transform", transform.object().clone()),
            )
            .map_err(|e| e.to_string())?;
        let wrapper = self
            .engine
            .evaluate_module(
                &call_site,
                "call",
                "export const call = (input) => JSON.stringify(transform(input));",
            )
            .map_err(|e| e.to_string())?;
        let transform = self
            .engine
            .get_function(&wrapper, "call")
            .map_err(|e| e.to_string())?;
        Ok(Plugin {
            name: manifest.name,
            capabilities: manifest.capabilities,
            limits: manifest.limits,
            transform,
        })
    }

    /// Calls the plugin's `transform(input)` under its limits; the result comes back as JSON.
    fn call(&mut self, plugin: &Plugin, input: &str) -> Result<String, hardened::Error> {
        self.engine.set_limits(plugin.limits.clone());
        let json = self.engine.invoke(&plugin.transform, (input.to_owned(),));
        // Promise jobs the plugin queued run now, under its limits, not during the next call
        // (`invoke` runs them only when the call returns).
        let drained = self.engine.run_jobs();
        let json = json?;
        drained?;
        Ok(json.unwrap_or_else(|| "undefined".into()))
    }

    fn drain_log(&mut self) -> Vec<String> {
        self.engine
            .data::<LogLines>()
            .map(|lines| lines.0.borrow_mut().drain(..).collect())
            .unwrap_or_default()
    }
}

/// Loads every plugin under `root` (in name order) and calls each with each input; returns the
/// report the example prints.
fn run(
    root: &Path,
    inputs: &[&str],
    clock: impl Fn() -> f64 + 'static,
) -> Result<String, BoxError> {
    let mut host = Host::new(clock)?;
    let mut directories: Vec<PathBuf> = fs::read_dir(root)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_dir())
        .collect();
    directories.sort();
    let mut report = String::new();
    for directory in directories {
        let label = directory
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let plugin = match host.load(&directory) {
            Ok(plugin) => plugin,
            Err(error) => {
                writeln!(report, "{label}: refused: {error}")?;
                continue;
            }
        };
        let granted: Vec<&str> = plugin.capabilities.iter().map(|c| c.name()).collect();
        writeln!(report, "{} [{}]", plugin.name, granted.join(", "))?;
        for input in inputs {
            match host.call(&plugin, input) {
                Ok(output) => writeln!(report, "  {input:?} -> {output}")?,
                Err(error) => writeln!(report, "  {input:?} -> error: {error}")?,
            }
            for line in host.drain_log() {
                writeln!(report, "    {line}")?;
            }
        }
    }
    Ok(report)
}

fn plugins_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/plugins")
}

/// A fixed clock keeps the output reproducible; a real host would read `SystemTime`.
fn fixed_clock() -> f64 {
    1_767_225_600_000.0 // 2026-01-01T00:00:00Z
}

fn main() -> Result<(), BoxError> {
    print!(
        "{}",
        run(&plugins_root(), &["hello plugins", "again"], fixed_clock)?
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs() {
        main().unwrap();
    }

    #[test]
    fn every_plugin_gets_only_what_it_asked_for() {
        let report = run(&plugins_root(), &["hello plugins", "again"], fixed_clock).unwrap();
        let expected = r#"escape: refused: TypeError: cannot import "../tally/main.mjs" from "./main.mjs": it leaves the module root
greedy: refused: manifest.json: this host offers no capability "net"
shout [log]
  "hello plugins" -> "HELLO PLUGINS!"
    [shout] shouting 2 words
  "again" -> "AGAIN!"
    [shout] shouting 1 words
snoop [log]
  "hello plugins" -> error: ReferenceError: kv is not defined
    [snoop] saving a copy of the input
  "again" -> error: ReferenceError: kv is not defined
    [snoop] saving a copy of the input
spin []
  "hello plugins" -> error: limit reached: a loop exceeded the iteration limit
  "again" -> error: limit reached: a loop exceeded the iteration limit
tally [kv, log]
  "hello plugins" -> "hello plugins (call #1)"
    [tally] call 1, keys: count
  "again" -> "again (call #2)"
    [tally] call 2, keys: count
timestamp [clock]
  "hello plugins" -> "2026-01-01T00:00:00.000Z hello plugins"
  "again" -> "2026-01-01T00:00:00.000Z again"
"#;
        assert_eq!(report, expected);
    }

    #[test]
    fn each_store_is_bounded_and_its_plugins_own() {
        let mut host = Host::new(fixed_clock).unwrap();
        let (mine, theirs) = (Store::default(), Store::default());
        let mut plugin = |store: &Store| {
            host.engine
                .new_compartment(CompartmentOptions::new().host_object("kv", kv_object(store)))
                .unwrap()
        };
        let (a, b) = (plugin(&mine), plugin(&theirs));
        let engine = &mut host.engine;
        let full = engine
            .evaluate::<String>(
                &a,
                "try { for (let i = 0; ; i++) kv.set(`k${i}`, 'v'); } catch (e) { `${e}` }",
            )
            .unwrap();
        assert_eq!(full, "RangeError: kv: the store is full");
        assert_eq!(mine.lock().unwrap().len(), KV_MAX_ENTRIES);
        // Replacing a key of a full store is fine; a long key or value is not.
        engine.evaluate::<()>(&a, "kv.set('k0', 'w')").unwrap();
        for source in [
            "kv.set('x'.repeat(257), '')",
            "kv.set('k1', 'x'.repeat(4097))",
        ] {
            let refused = engine.evaluate::<()>(&b, source).unwrap_err();
            assert_eq!(refused.to_string(), "RangeError: kv: the store is full");
        }
        // Values are strings: the host runs no guest `toString`.
        let refused = engine
            .evaluate::<()>(&b, "kv.set('n', { toString() { return 'x'; } })")
            .unwrap_err();
        assert!(refused.to_string().starts_with("TypeError"), "{refused}");
        assert_eq!(
            engine.evaluate::<Vec<String>>(&b, "kv.keys()").unwrap(),
            Vec::<String>::new()
        );
        assert_eq!(
            engine
                .evaluate::<Option<String>>(&a, "kv.get('k0')")
                .unwrap()
                .as_deref(),
            Some("w")
        );
    }

    #[test]
    fn manifests_are_read_strictly() {
        let bad = [
            (
                r#"{"name": "x", "capabilities": ["log"], "extra": 1}"#,
                "unknown manifest key \"extra\"",
            ),
            (r#"{"capabilities": []}"#, "\"name\" must be a string"),
            (
                r#"{"name": "x", "limits": {"loopIterations": -1}}"#,
                "limit \"loopIterations\" must be a whole number",
            ),
            (
                r#"{"name": "x", "limits": {"memory": 1}}"#,
                "unknown limit \"memory\"",
            ),
        ];
        for (text, message) in bad {
            assert_eq!(
                parse_manifest(text).err().as_deref(),
                Some(message),
                "{text}"
            );
        }
        // A manifest may lower the host's limits, never raise them.
        let manifest =
            parse_manifest(r#"{"name": "x", "limits": {"loopIterations": 1e12, "timeoutMs": 10}}"#);
        assert!(manifest.is_err(), "1e12 is not a whole number in JSON");
        let manifest = parse_manifest(
            r#"{"name": "x", "limits": {"loopIterations": 99999999999, "timeoutMs": 10}}"#,
        )
        .unwrap();
        assert_eq!(
            manifest.limits,
            Limits::new()
                .loop_iterations(MAX_LOOP_ITERATIONS)
                .recursion(MAX_RECURSION)
                .timeout(Duration::from_millis(10))
        );
    }
}
