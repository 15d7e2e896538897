//! The worker's side: a process that serves one pool, one request at a time, each in a fresh
//! compartment of its one locked-down engine.

use std::{
    cell::RefCell,
    io::{self, BufRead, Write},
    path::PathBuf,
    sync::Arc,
    time::Duration,
};

use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction, js_string,
};
use serde_json::{Value as Json, json};

use super::wire::{WORKER_ENV, error_json};
use crate::{CompartmentOptions, Engine, Error, Limits, LockdownOptions, ModuleDirectory};

/// A host function a worker offers: JSON-like arguments in, a JSON-like result (or an error
/// message, thrown to the guest as an `Error`) out.
type HostFn = dyn Fn(&[Json]) -> Result<Json, String> + Send + Sync;

/// The Rust functions a worker process can endow, by name; a pool chooses which of them its
/// compartments get ([`PoolBuilder::function`](super::PoolBuilder::function)). They run in the
/// worker, under its ceilings; they must not write to standard output, which carries the
/// protocol.
#[derive(Clone, Default)]
pub struct HostFunctions {
    functions: Vec<(String, usize, Arc<HostFn>)>,
}

impl HostFunctions {
    /// No functions.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Offers `function` under `name` (with `length` declared arguments). The guest's
    /// arguments arrive as JSON (`undefined` and functions as `null`, as `JSON.stringify` makes
    /// them).
    #[must_use]
    pub fn function(
        mut self,
        name: impl Into<String>,
        length: usize,
        function: impl Fn(&[Json]) -> Result<Json, String> + Send + Sync + 'static,
    ) -> Self {
        self.functions
            .push((name.into(), length, Arc::new(function)));
        self
    }
}

/// Called first thing in `main` by a program whose [`Pool`](super::Pool) runs it as its worker
/// (the default: the pool re-executes the current program). In a worker process it serves the
/// pool until the pool goes away and then exits the process; anywhere else it returns at once.
///
/// ```no_run
/// use hardened::worker::{HostFunctions, serve_if_worker};
///
/// fn main() {
///     serve_if_worker(HostFunctions::new().function("double", 1, |args| {
///         Ok((args.first().and_then(|n| n.as_f64()).unwrap_or(0.0) * 2.0).into())
///     }));
///     // ... the host's own work, which may build a `Pool` ...
/// }
/// ```
pub fn serve_if_worker(functions: HostFunctions) {
    if std::env::var_os(WORKER_ENV).is_none() {
        return;
    }
    // Started by a pool (not a process that inherited a pool worker's environment), and ended
    // with it.
    if !matches!(super::child::child_of_supervisor(), Ok(true)) {
        return;
    }
    let code = match serve(functions) {
        Ok(()) => 0,
        Err(message) => {
            // The pool reads the end of standard error to explain a worker that could not start.
            eprintln!("hardened worker: {message}");
            1
        }
    };
    std::process::exit(code);
}

/// What the pool tells a worker when it starts it.
struct Config {
    stack: usize,
    limits: Limits,
    modules: Option<PathBuf>,
    globals: serde_json::Map<String, Json>,
    functions: Vec<String>,
    max_result: usize,
}

impl Config {
    fn read(line: &str) -> Result<Self, String> {
        let config: Json =
            serde_json::from_str(line).map_err(|error| format!("bad configuration: {error}"))?;
        let number = |key: &str| config.get(key).and_then(Json::as_u64);
        let size = |key: &str| number(key).and_then(|n| usize::try_from(n).ok());
        let mut limits = Limits::new();
        if let Some(ms) = number("timeout_ms") {
            limits = limits.timeout(Duration::from_millis(ms));
        }
        if let Some(n) = number("loop_iterations") {
            limits = limits.loop_iterations(n);
        }
        if let Some(n) = size("recursion") {
            limits = limits.recursion(n);
        }
        if let Some(n) = size("pending_jobs") {
            limits = limits.pending_jobs(n);
        }
        let stack = size("stack").ok_or("the configuration names no stack size")?;
        if let Some(bytes) = number("memory") {
            rlimit::setrlimit(rlimit::Resource::AS, bytes, bytes)
                .map_err(|error| format!("cannot set the memory ceiling: {error}"))?;
        }
        Ok(Self {
            // Native recursion and parses stop with an error a quarter before the stack ends.
            limits: limits.native_stack(stack / 4 * 3),
            stack,
            modules: config
                .get("modules")
                .and_then(Json::as_str)
                .map(PathBuf::from),
            globals: config
                .get("globals")
                .and_then(Json::as_object)
                .cloned()
                .unwrap_or_default(),
            functions: config
                .get("functions")
                .and_then(Json::as_array)
                .map(|names| {
                    names
                        .iter()
                        .filter_map(|name| name.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
            max_result: size("max_result").ok_or("the configuration names no result size")?,
        })
    }
}

fn serve(functions: HostFunctions) -> Result<(), String> {
    let mut line = String::new();
    io::stdin()
        .read_line(&mut line)
        .map_err(|error| format!("cannot read the configuration: {error}"))?;
    // The memory ceiling is in force from here on, before the engine thread's stack exists.
    let config = Config::read(&line)?;
    let chosen = config
        .functions
        .iter()
        .map(|name| {
            functions
                .functions
                .iter()
                .find(|(offered, ..)| offered == name)
                .cloned()
                .ok_or_else(|| {
                    format!(
                        "the pool asks for host function {name:?}, which this worker does not offer"
                    )
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    std::thread::Builder::new()
        .name("hardened worker".into())
        .stack_size(config.stack)
        .spawn(move || Server::start(config, chosen)?.run())
        .map_err(|error| format!("cannot start the engine thread: {error}"))?
        .join()
        .map_err(|_| "the engine thread panicked".to_owned())?
}

thread_local! {
    /// The host functions this worker's compartments get, by index (natives capture the index).
    static HOST: RefCell<Vec<(String, Arc<HostFn>)>> = const { RefCell::new(Vec::new()) };
}

/// One worker's engine and what each request's compartment is made from.
struct Server {
    engine: Engine,
    json: JsObject,
    stringify: JsObject,
    parse: JsObject,
    globals: Vec<(String, JsValue)>,
    lengths: Vec<usize>,
    modules: Option<ModuleDirectory>,
    max_result: usize,
}

impl Server {
    fn start(config: Config, functions: Vec<(String, usize, Arc<HostFn>)>) -> Result<Self, String> {
        let failed = |error: Error| format!("cannot build the engine: {error}");
        let mut engine = Engine::new().map_err(failed)?;
        engine.set_limits(config.limits);
        engine
            .lockdown(LockdownOptions::default())
            .map_err(failed)?;
        // %JSON% and its methods are frozen intrinsics now: guest code cannot replace them.
        let context = engine.raw_context();
        let json = context.intrinsics().objects().json();
        let method = |name: JsString, context: &mut Context| {
            json.get(name, context)
                .ok()
                .and_then(|value| value.as_object())
                .ok_or("JSON has no such method")
        };
        let stringify = method(js_string!("stringify"), context)?;
        let parse = method(js_string!("parse"), context)?;
        let mut globals = Vec::new();
        for (name, value) in &config.globals {
            let value = JsValue::from_json(value, engine.raw_context())
                .map_err(|error| format!("global {name}: {error}"))?;
            engine.harden(&value).map_err(failed)?;
            globals.push((name.clone(), value));
        }
        let modules = match &config.modules {
            Some(root) => Some(
                ModuleDirectory::new(root)
                    .map_err(|error| format!("module directory {}: {error}", root.display()))?,
            ),
            None => None,
        };
        let lengths = functions.iter().map(|(_, length, _)| *length).collect();
        HOST.with(|host| {
            *host.borrow_mut() = functions
                .into_iter()
                .map(|(name, _, function)| (name, function))
                .collect();
        });
        Ok(Self {
            engine,
            json,
            stringify,
            parse,
            globals,
            lengths,
            modules,
            max_result: config.max_result,
        })
    }

    fn run(mut self) -> Result<(), String> {
        let mut out = io::stdout().lock();
        let lost = |error: io::Error| format!("the pool went away: {error}");
        writeln!(out, "{}", json!({ "ready": true }))
            .and_then(|()| out.flush())
            .map_err(lost)?;
        let stdin = io::stdin();
        let mut line = String::new();
        loop {
            line.clear();
            if stdin.lock().read_line(&mut line).map_err(lost)? == 0 {
                return Ok(());
            }
            let request: Json = serde_json::from_str(&line)
                .map_err(|error| format!("unreadable request: {error}"))?;
            let id = request.get("id").cloned().unwrap_or(Json::Null);
            let answer = match self.answer(&request) {
                Ok(text) => format!("{{\"id\":{id},\"ok\":{text}}}"),
                Err(error) => json!({ "id": id, "error": error_json(&error) }).to_string(),
            };
            // Nothing a request queued runs in the next one, and what it built (up to the
            // memory ceiling; Boa's collector does not count string and buffer contents) goes
            // now, so that the next request has the room; before the answer, so that the
            // pool's look at this worker's memory sees only what stays.
            self.engine.discard_jobs();
            self.engine.collect_garbage();
            writeln!(out, "{answer}")
                .and_then(|()| out.flush())
                .map_err(lost)?;
            // Boa panicked: the engine refuses every call now, so the pool needs a new worker.
            if !self.engine.is_usable() {
                return Ok(());
            }
        }
    }

    /// The result of one request as JSON text.
    fn answer(&mut self, request: &Json) -> Result<String, Error> {
        let compartment = self.engine.new_compartment(self.options())?;
        let value = if let Some(source) = request.get("evaluate").and_then(Json::as_str) {
            self.engine.evaluate_value(&compartment, source)?
        } else if let Some([module, export, args]) = request
            .get("call")
            .and_then(Json::as_array)
            .map(Vec::as_slice)
        {
            let (Some(module), Some(export), Some(args)) =
                (module.as_str(), export.as_str(), args.as_array())
            else {
                return Err(Error::Worker("malformed call request".into()));
            };
            let directory = self.modules.as_ref().ok_or_else(|| {
                Error::Engine("the pool has no module directory to call into".into())
            })?;
            let specifier = directory
                .specifier_of(directory.root().join(module))
                .map_err(Error::Engine)?;
            let namespace = self.engine.import(&compartment, &specifier)?;
            let function: JsObject = self.engine.get(&namespace, export)?;
            let mut values = Vec::with_capacity(args.len());
            for arg in args {
                let text = JsString::from(arg.to_string().as_str());
                values.push(self.engine.call(
                    &self.parse,
                    &self.json.clone().into(),
                    &[text.into()],
                )?);
            }
            self.engine
                .call(&function, &JsValue::undefined(), &values)?
        } else {
            return Err(Error::Worker("unknown request".into()));
        };
        let value = self.engine.settle(&value)?;
        let text = self
            .engine
            .call(&self.stringify, &self.json.clone().into(), &[value])?;
        let text = text
            .as_string()
            .map_or_else(|| "null".to_owned(), |text| text.to_std_string_escaped());
        if text.len() > self.max_result {
            return Err(Error::Conversion(format!(
                "the result's JSON is {} bytes, more than the pool's {} byte limit",
                text.len(),
                self.max_result
            )));
        }
        // The pool reads the answer with serde_json, one level deeper inside the answer object:
        // refuse here what it would refuse there.
        serde_json::from_str::<Json>(&format!("[{text}]"))
            .map_err(|error| Error::Conversion(format!("the result is not JSON data: {error}")))?;
        Ok(text)
    }

    fn options(&self) -> CompartmentOptions {
        let mut options = self.globals.iter().fold(
            CompartmentOptions::new().name("request"),
            |options, (name, value)| options.global(name, value.clone()),
        );
        for (index, length) in self.lengths.iter().enumerate() {
            let name = HOST.with(|host| host.borrow()[index].0.clone());
            options = options.function(name, *length, host_native(index));
        }
        if let Some(modules) = &self.modules {
            options = options.module_directory(modules.clone());
        }
        options
    }
}

/// The native that calls host function `index` with its arguments as JSON.
fn host_native(index: usize) -> NativeFunction {
    NativeFunction::from_copy_closure(move |_, args, context| {
        let (name, function) = HOST
            .with(|host| host.borrow().get(index).cloned())
            .ok_or_else(|| JsNativeError::typ().with_message("no such host function"))?;
        let mut values = Vec::new();
        for arg in args {
            values.push(to_json(arg, context)?);
        }
        match function(&values) {
            Ok(result) => json_method(
                js_string!("parse"),
                JsString::from(result.to_string().as_str()).into(),
                context,
            ),
            Err(message) => Err(JsNativeError::error()
                .with_message(format!("{name}: {message}"))
                .into()),
        }
    })
}

/// `value` as JSON data, through the realm's `JSON.stringify` (which bounds its output).
fn to_json(value: &JsValue, context: &mut Context) -> JsResult<Json> {
    match json_method(js_string!("stringify"), value.clone(), context)?.as_string() {
        None => Ok(Json::Null),
        Some(text) => serde_json::from_str(&text.to_std_string_escaped()).map_err(|error| {
            JsNativeError::typ()
                .with_message(format!(
                    "a host function's argument is not JSON data: {error}"
                ))
                .into()
        }),
    }
}

/// Calls the realm's `JSON[name](arg)`.
fn json_method(name: JsString, arg: JsValue, context: &mut Context) -> JsResult<JsValue> {
    let json = context.intrinsics().objects().json();
    let method = json.get(name, context)?;
    let method = method
        .as_callable()
        .ok_or_else(|| JsNativeError::typ().with_message("JSON's methods are missing"))?;
    method.call(&json.clone().into(), &[arg], context)
}
