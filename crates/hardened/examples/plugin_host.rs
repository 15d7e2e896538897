//! A plugin host: loads untrusted plugins from `examples/plugins/<name>/`, each into its own
//! compartment after `lockdown()`, with only the capabilities its `manifest.json` asks for, and
//! calls each plugin's exported `transform(input)`.
//!
//! - A plugin's modules come from its own directory and nowhere else ([`ModuleDirectory`]).
//! - Capabilities are Rust functions endowed as globals: `log(...values)`, `clock.now()`, and
//!   `kv.get/set/keys`, a small key-value store the host keeps per plugin.
//! - Each plugin runs under its own [`Limits`] (the manifest may ask for less than the host's
//!   ceiling, never more).
//! - A plugin that misbehaves (reaches for a capability it did not ask for, imports outside its
//!   directory, loops forever, asks for a capability the host does not offer) gets a one-line
//!   error, and the host carries on with the next one in the same engine.
//!
//! Run it with `cargo run --release -p hardened --example plugin_host`.

use std::{
    cell::RefCell,
    collections::BTreeMap,
    fmt::Write as _,
    fs,
    path::{Path, PathBuf},
    rc::Rc,
    time::Duration,
};

use boa_engine::{
    Context, JsArgs, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
    js_string,
    object::{ObjectInitializer, builtins::JsArray},
};
use boa_gc::{Finalize, Trace};
use hardened::{CompartmentOptions, Engine, Limits, LockdownOptions, ModuleDirectory};
use serde_json::Value as Json;

type BoxError = Box<dyn std::error::Error>;

/// The host's ceiling for every plugin; a manifest may only lower these.
const MAX_LOOP_ITERATIONS: u64 = 1_000_000;
const MAX_RECURSION: usize = 256;
const MAX_TIMEOUT: Duration = Duration::from_millis(500);
/// The key-value store's bounds, so that a plugin cannot grow host memory without limit.
const KV_MAX_ENTRIES: usize = 64;
const KV_MAX_VALUE_LENGTH: usize = 4096;

/// What a manifest may ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Capability {
    /// `log(...values)`: lines the host prints under the plugin's name.
    Log,
    /// `clock.now()`: the host's time in milliseconds.
    Clock,
    /// `kv.get(key)`, `kv.set(key, value)`, `kv.keys()`: the plugin's own store.
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

/// Lines logged by plugins, drained by the host after each call.
#[derive(Clone, Default, Trace, Finalize)]
struct LogSink {
    // Plain Rust data: nothing here for the collector to trace.
    #[unsafe_ignore_trace]
    lines: Rc<RefCell<Vec<String>>>,
    #[unsafe_ignore_trace]
    plugin: Rc<str>,
}

/// One plugin's key-value store, kept by the host across calls.
#[derive(Clone, Default, Trace, Finalize)]
struct Store {
    #[unsafe_ignore_trace]
    entries: Rc<RefCell<BTreeMap<String, String>>>,
}

/// The host's clock, as a capture of the `clock.now` function.
#[derive(Clone, Trace, Finalize)]
struct ClockSource(#[unsafe_ignore_trace] Rc<dyn Fn() -> f64>);

fn text_argument(args: &[JsValue], index: usize, context: &mut Context) -> JsResult<String> {
    Ok(args
        .get_or_undefined(index)
        .to_string(context)?
        .to_std_string_escaped())
}

fn log_function(sink: LogSink) -> NativeFunction {
    NativeFunction::from_copy_closure_with_captures(
        |_, args, sink: &LogSink, context| {
            let mut parts = Vec::with_capacity(args.len());
            for index in 0..args.len() {
                parts.push(text_argument(args, index, context)?);
            }
            let line = format!("[{}] {}", sink.plugin, parts.join(" "));
            sink.lines.borrow_mut().push(line);
            Ok(JsValue::undefined())
        },
        sink,
    )
}

/// `kv`: an object of three Rust functions over one plugin's store.
fn kv_object(store: &Store, context: &mut Context) -> JsObject {
    let get = NativeFunction::from_copy_closure_with_captures(
        |_, args, store: &Store, context| {
            let key = text_argument(args, 0, context)?;
            Ok(match store.entries.borrow().get(&key) {
                Some(value) => JsString::from(value.as_str()).into(),
                None => JsValue::undefined(),
            })
        },
        store.clone(),
    );
    let set = NativeFunction::from_copy_closure_with_captures(
        |_, args, store: &Store, context| {
            let key = text_argument(args, 0, context)?;
            let value = text_argument(args, 1, context)?;
            let mut entries = store.entries.borrow_mut();
            if value.len() > KV_MAX_VALUE_LENGTH
                || (entries.len() >= KV_MAX_ENTRIES && !entries.contains_key(&key))
            {
                return Err(JsNativeError::range()
                    .with_message("kv: the store is full")
                    .into());
            }
            entries.insert(key, value);
            Ok(JsValue::undefined())
        },
        store.clone(),
    );
    let keys = NativeFunction::from_copy_closure_with_captures(
        |_, _, store: &Store, context| {
            let keys: Vec<JsValue> = store
                .entries
                .borrow()
                .keys()
                .map(|key| JsString::from(key.as_str()).into())
                .collect();
            Ok(JsArray::from_iter(keys, context).into())
        },
        store.clone(),
    );
    ObjectInitializer::new(context)
        .function(get, js_string!("get"), 1)
        .function(set, js_string!("set"), 2)
        .function(keys, js_string!("keys"), 0)
        .build()
}

fn clock_object(clock: ClockSource, context: &mut Context) -> JsObject {
    let now = NativeFunction::from_copy_closure_with_captures(
        |_, _, clock: &ClockSource, _| Ok(JsValue::from((clock.0)())),
        clock,
    );
    ObjectInitializer::new(context)
        .function(now, js_string!("now"), 0)
        .build()
}

/// A loaded plugin.
struct Plugin {
    name: String,
    capabilities: Vec<Capability>,
    limits: Limits,
    /// The entry module's namespace.
    namespace: JsObject,
}

/// One engine, locked down, hosting every plugin in a compartment of its own.
struct Host {
    engine: Engine,
    log: Rc<RefCell<Vec<String>>>,
    clock: ClockSource,
}

impl Host {
    fn new(clock: impl Fn() -> f64 + 'static) -> Result<Self, hardened::Error> {
        let mut engine = Engine::new()?;
        // Before any plugin code exists: afterwards the shared intrinsics are frozen and tamed.
        engine.lockdown(LockdownOptions::default())?;
        Ok(Self {
            engine,
            log: Rc::default(),
            clock: ClockSource(Rc::new(clock)),
        })
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
                Capability::Log => {
                    let sink = LogSink {
                        lines: self.log.clone(),
                        plugin: Rc::from(manifest.name.as_str()),
                    };
                    options.function("log", 1, log_function(sink))
                }
                Capability::Kv => {
                    let kv = kv_object(&Store::default(), self.engine.raw_context());
                    // The plugin may not replace or add methods: freeze the whole object.
                    self.engine
                        .harden(&kv.clone().into())
                        .map_err(|e| e.to_string())?;
                    options.global("kv", kv)
                }
                Capability::Clock => {
                    let clock = clock_object(self.clock.clone(), self.engine.raw_context());
                    self.engine
                        .harden(&clock.clone().into())
                        .map_err(|e| e.to_string())?;
                    options.global("clock", clock)
                }
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
        Ok(Plugin {
            name: manifest.name,
            capabilities: manifest.capabilities,
            limits: manifest.limits,
            namespace,
        })
    }

    /// Calls the plugin's `transform(input)` under its limits; the result comes back as JSON.
    fn call(&mut self, plugin: &Plugin, input: &str) -> Result<String, hardened::Error> {
        self.engine.set_limits(plugin.limits.clone());
        let transform: JsValue = self.engine.get(&plugin.namespace, "transform")?;
        if !transform.is_callable() {
            return Err(hardened::Error::Conversion(
                "the plugin does not export a transform function".into(),
            ));
        }
        // The call runs as guest code through `Engine::evaluate`, so the limits and the typed
        // errors apply; a throwaway compartment holds the function and its argument. The
        // function still reads its own compartment's globals, whoever calls it.
        let call_site = self.engine.new_compartment(
            CompartmentOptions::new()
                .name("host call")
                .global("transform", transform)
                .global("input", JsString::from(input)),
        )?;
        let json = self
            .engine
            .evaluate::<Option<String>>(&call_site, "JSON.stringify(transform(input))");
        // Promise jobs the plugin queued run now, under its limits, not during the next call.
        let drained = self.engine.run_jobs();
        let json = json?;
        drained?;
        Ok(json.unwrap_or_else(|| "undefined".into()))
    }

    fn drain_log(&mut self) -> Vec<String> {
        self.log.borrow_mut().drain(..).collect()
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
