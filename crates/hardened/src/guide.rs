//! # Embed it in an afternoon
//!
//! A worked guide, to follow top to bottom: by the end your Rust program runs untrusted
//! plugins, each in a compartment of its own with only the Rust functions you give it, loads
//! their modules from a directory, stops the ones that run away, and tells you where a plugin
//! failed. Every snippet is a test of this crate (a doctest), so each compiles and runs as
//! shown.
//!
//! 1. [Add the dependency](#1-add-the-dependency)
//! 2. [An engine](#2-an-engine)
//! 3. [A compartment per plugin, with typed host functions](#3-a-compartment-per-plugin-with-typed-host-functions)
//! 4. [Objects of host functions](#4-objects-of-host-functions)
//! 5. [Modules from a directory](#5-modules-from-a-directory)
//! 6. [Limits](#6-limits)
//! 7. [Errors that say where](#7-errors-that-say-where)
//! 8. [Promises](#8-promises)
//! 9. [A hard ceiling: worker processes](#9-a-hard-ceiling-worker-processes)
//!
//! ## 1. Add the dependency
//!
//! ```toml
//! [dependencies]
//! hardened = "0.1"
//! ```
//!
//! That is all: you do not need `boa_engine` in your own `Cargo.toml`. The few Boa types the
//! API shows (`JsValue`, `JsObject`, for values you keep without converting) are re-exported
//! as [`hardened::boa_engine`](crate::boa_engine). Boa's macros, such as `js_string!`, expand
//! to `::boa_engine` paths and so do not compile without that dependency; you do not need them:
//! endowments and [`Engine::set`](crate::Engine::set) take plain Rust values ([`IntoJs`]:
//! `&str`, `String`, numbers, `bool`, `Vec`, `Option`).
//!
//! ## 2. An engine
//!
//! An [`Engine`] is one JavaScript heap with one set of built-ins, shared by all the
//! compartments you make in it. [`Engine::builder`] sets what holds for the whole engine: the
//! default [`Limits`] and [`lockdown`](crate::EngineBuilder::lockdown), which freezes and tames
//! the shared built-ins (SES `lockdown()`). Lock down before any untrusted code exists: then no
//! plugin can change what another one sees, and none has a clock, randomness or a way to
//! compile code outside its compartment.
//!
//! ```
//! use std::time::Duration;
//! use hardened::{CompartmentOptions, Engine, Limits, LockdownOptions};
//!
//! let mut engine = Engine::builder()
//!     .limits(Limits::new().loop_iterations(1_000_000).timeout(Duration::from_secs(1)))
//!     .lockdown(LockdownOptions::default())
//!     .build()?;
//! let plugin = engine.new_compartment(CompartmentOptions::new().name("first"))?;
//! assert_eq!(engine.evaluate::<i32>(&plugin, "6 * 7")?, 42);
//! // The shared built-ins are frozen, and the ambient clock is gone.
//! assert!(engine.evaluate::<bool>(&plugin, "Object.isFrozen(Array.prototype)")?);
//! assert!(engine.evaluate::<f64>(&plugin, "Date.now()").is_err());
//! # Ok::<(), hardened::Error>(())
//! ```
//!
//! [`Engine::evaluate`] converts the completion value to the Rust type you ask for
//! ([`FromJs`]: numbers, `bool`, `String`, `Option`, `Vec`, ...). An engine is not `Send`:
//! build one per thread (see the crate's [Tour](crate#threads)).
//!
//! ## 3. A compartment per plugin, with typed host functions
//!
//! A compartment has its own global object; its code reaches nothing but the shared, frozen
//! built-ins and what you endow it with. Give each plugin its own, and endow it with Rust
//! closures through [`CompartmentOptions::host_fn`]:
//!
//! - the arguments are a tuple of [`FromJs`] types, converted before your closure runs (a
//!   wrong type is a `TypeError` the plugin can catch; `Option<T>` makes an argument optional);
//! - the result is any [`IntoJs`] value (`()` is `undefined`, a `Vec` becomes an array);
//! - a [`HostError`] is thrown to the plugin as a `TypeError`, `RangeError` or `Error`;
//! - a [`Caller`] calls back into guest code ([`Caller::call`], under the same limits) and
//!   converts values ([`Caller::convert`]);
//! - the closure must be `Send`, so it holds no engine value. State it shares with the host
//!   goes in the engine, one value per type ([`Engine::set_data`]), and the closure reads it
//!   with [`Caller::data`]; plain data of its own (the plugin's name) it may capture.
//!
//! ```
//! use std::cell::RefCell;
//! use hardened::{
//!     boa_engine::JsValue, Caller, CompartmentOptions, Engine, HostError, LockdownOptions,
//! };
//!
//! /// What the plugins log, kept in the engine for the host to read.
//! #[derive(Default)]
//! struct Log(RefCell<Vec<String>>);
//!
//! /// One plugin's compartment options: its name and its capabilities.
//! fn plugin(name: &str) -> CompartmentOptions {
//!     let label = name.to_owned();
//!     CompartmentOptions::new()
//!         .name(name)
//!         .host_fn("log", move |caller: &mut Caller<'_>, (message,): (String,)| {
//!             let log = caller.data::<Log>().ok_or_else(|| HostError::error("no log"))?;
//!             log.0.borrow_mut().push(format!("[{label}] {message}"));
//!             Ok(())
//!         })
//!         .host_fn("words", |_: &mut Caller<'_>, (text, limit): (String, Option<usize>)| {
//!             let words = text.split_whitespace().map(str::to_owned);
//!             Ok(words.take(limit.unwrap_or(usize::MAX)).collect::<Vec<_>>())
//!         })
//!         // Calls a guest callback for each number and collects what it returns.
//!         .host_fn("mapNumbers", |caller: &mut Caller<'_>, (list, f): (Vec<f64>, JsValue)| {
//!             let mut mapped = Vec::with_capacity(list.len());
//!             for n in list {
//!                 let result = caller.call(&f, &[JsValue::from(n)])?; // `?`: its exception
//!                 mapped.push(caller.convert::<f64>(&result)?);
//!             }
//!             Ok(mapped)
//!         })
//!         .host_fn("checked", |_: &mut Caller<'_>, (n,): (f64,)| {
//!             if n < 0.0 {
//!                 return Err(HostError::range_error(format!("{n} is negative")));
//!             }
//!             Ok(n.sqrt())
//!         })
//! }
//!
//! let mut engine = Engine::builder().lockdown(LockdownOptions::default()).build()?;
//! engine.set_data(Log::default());
//! let alpha = engine.new_compartment(plugin("alpha"))?;
//! let beta = engine.new_compartment(plugin("beta"))?;
//!
//! engine.run_script(&alpha, "log(`${words('one two three', 2).length} words`)")?;
//! engine.run_script(&beta, "log(mapNumbers([1, 2, 3], (n) => n * 10).join())")?;
//! assert_eq!(*engine.data::<Log>().unwrap().0.borrow(), ["[alpha] 2 words", "[beta] 10,20,30"]);
//!
//! // Host errors and conversion errors are ordinary exceptions to the plugin.
//! let caught = engine.evaluate::<String>(&alpha, "try { checked(-4) } catch (e) { `${e}` }")?;
//! assert_eq!(caught, "RangeError: -4 is negative");
//! let caught = engine.evaluate::<String>(&alpha, "try { words(42) } catch (e) { e.name }")?;
//! assert_eq!(caught, "TypeError");
//! // Declarations stay in the evaluation that made them; globals are per compartment.
//! engine.run_script(&alpha, "globalThis.secret = 1;")?;
//! assert_eq!(engine.evaluate::<String>(&beta, "typeof secret")?, "undefined");
//! # Ok::<(), hardened::Error>(())
//! ```
//!
//! A panic in your closure is yours: the call into the engine ends, the panic reaches your
//! code with its own payload, no plugin can catch it, and the engine stays usable.
//!
//! ## 4. Objects of host functions
//!
//! A capability often has several operations: `kv.get(key)`, `kv.set(key, value)`. A
//! [`HostObject`] is an object of host functions, each made exactly as `host_fn` makes one,
//! endowed with [`CompartmentOptions::host_object`]. Each compartment gets an object of its
//! own, frozen with its functions before the plugin sees it: a plugin cannot replace a method
//! or leave something on the object for another holder to find.
//!
//! State that belongs to one plugin (its own store) can live with that plugin's closures: they
//! must be `Send`, so share it through an `Arc<Mutex<..>>`.
//!
//! ```
//! use std::{collections::BTreeMap, sync::{Arc, Mutex}};
//! use hardened::{Caller, CompartmentOptions, Engine, HostError, HostObject, LockdownOptions};
//!
//! type Store = Arc<Mutex<BTreeMap<String, String>>>;
//!
//! /// `kv`: three functions over one plugin's store, bounded so that a plugin cannot grow the
//! /// host's memory without limit.
//! fn kv(store: &Store) -> HostObject {
//!     let (get, set, keys) = (store.clone(), store.clone(), store.clone());
//!     HostObject::new()
//!         .function("get", move |_: &mut Caller<'_>, (key,): (String,)| {
//!             Ok(get.lock().unwrap().get(&key).cloned()) // `None` is `undefined`
//!         })
//!         .function("set", move |_: &mut Caller<'_>, (key, value): (String, String)| {
//!             let mut entries = set.lock().unwrap();
//!             if entries.len() >= 64 && !entries.contains_key(&key) {
//!                 return Err(HostError::range_error("kv: the store is full"));
//!             }
//!             entries.insert(key, value);
//!             Ok(())
//!         })
//!         .function("keys", move |_: &mut Caller<'_>, (): ()| {
//!             Ok(keys.lock().unwrap().keys().cloned().collect::<Vec<_>>())
//!         })
//! }
//!
//! let mut engine = Engine::builder().lockdown(LockdownOptions::default()).build()?;
//! let (mine, theirs) = (Store::default(), Store::default());
//! let a = engine.new_compartment(CompartmentOptions::new().host_object("kv", kv(&mine)))?;
//! let b = engine.new_compartment(CompartmentOptions::new().host_object("kv", kv(&theirs)))?;
//!
//! engine.run_script(&a, "kv.set('greeting', 'hello'); kv.set('n', String(1));")?;
//! assert_eq!(engine.evaluate::<Vec<String>>(&a, "kv.keys()")?, ["greeting", "n"]);
//! assert_eq!(engine.evaluate::<Option<String>>(&b, "kv.get('greeting')")?, None);
//! assert_eq!(mine.lock().unwrap()["greeting"], "hello");
//!
//! // Frozen: assignments fail (code in a compartment is strict).
//! let refused = engine.run_script(&b, "kv.get = () => 'forged';").unwrap_err();
//! assert!(refused.to_string().starts_with("TypeError"), "{refused}");
//! assert!(engine.evaluate::<bool>(&b, "Object.isFrozen(kv) && Object.isFrozen(kv.get)")?);
//! # Ok::<(), hardened::Error>(())
//! ```
//!
//! ## 5. Modules from a directory
//!
//! A compartment loads no module unless you say where from.
//! [`CompartmentOptions::module_directory`] serves the files under one directory
//! ([`ModuleDirectory`]): relative imports (`./lib/words.mjs`) resolve against the importing
//! module and may not leave the directory. [`ModuleDirectory::specifier_of`] names a file for
//! [`Engine::import`], which loads the module and its imports, runs them (under the engine's
//! limits, promise jobs included) and returns the module's namespace.
//!
//! From a namespace, [`Engine::get_function`] takes an exported function as a
//! [`TypedFunction`]: Rust argument and result types, called with [`Engine::invoke`].
//!
//! ```
//! use std::{fs, time::{SystemTime, UNIX_EPOCH}};
//! use hardened::{CompartmentOptions, Engine, LockdownOptions, ModuleDirectory, TypedFunction};
//!
//! // A plugin on disk: `main.mjs` and a helper module, in a fresh temporary directory.
//! let unique = SystemTime::now().duration_since(UNIX_EPOCH)?.as_nanos();
//! let root = std::env::temp_dir().join(format!("hardened-guide-{}-{unique}", std::process::id()));
//! fs::create_dir_all(root.join("shout/lib"))?;
//! fs::write(
//!     root.join("shout/main.mjs"),
//!     "import { exclaim } from './lib/words.mjs';\n\
//!      export function transform(input) { return exclaim(input.toUpperCase()); }\n\
//!      export const escape = () => import('../outside.mjs');\n",
//! )?;
//! fs::write(root.join("shout/lib/words.mjs"), "export const exclaim = (text) => `${text}!`;\n")?;
//! fs::write(root.join("outside.mjs"), "export const stolen = true;\n")?;
//!
//! let result = (|| -> Result<(), Box<dyn std::error::Error>> {
//!     let mut engine = Engine::builder().lockdown(LockdownOptions::default()).build()?;
//!     let modules = ModuleDirectory::new(root.join("shout"))?;
//!     let main = modules.specifier_of(root.join("shout/main.mjs"))?;
//!     assert_eq!(main, "./main.mjs");
//!     let plugin = engine.new_compartment(
//!         CompartmentOptions::new().name("shout").module_directory(modules),
//!     )?;
//!     let namespace = engine.import(&plugin, &main)?;
//!     let transform: TypedFunction<(String,), String> =
//!         engine.get_function(&namespace, "transform")?;
//!     assert_eq!(engine.invoke(&transform, ("hello".to_owned(),))?, "HELLO!");
//!
//!     // A module outside the directory is refused, whoever asks.
//!     let refused = engine.import(&plugin, "../outside.mjs").unwrap_err();
//!     assert!(refused.to_string().contains("module root"), "{refused}");
//!     let escape: TypedFunction<(), hardened::boa_engine::JsValue> =
//!         engine.get_function(&namespace, "escape")?;
//!     let attempt = engine.invoke(&escape, ())?;
//!     assert!(engine.settle(&attempt).is_err()); // the `import()` promise is rejected
//!     Ok(())
//! })();
//! fs::remove_dir_all(&root)?;
//! result?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Modules need not be files: [`CompartmentOptions::module`] adds modules made from text or
//! Rust values ([`ModuleDescriptor`]), and the resolve and import hooks
//! ([`CompartmentOptions::resolve_hook`], [`CompartmentOptions::import_hook`]) load them
//! from anywhere you choose (see the crate's [Tour](crate#modules-with-rust-hooks)).
//!
//! ## 6. Limits
//!
//! [`Limits`] stop runaway code: loop iterations, call depth, a wall-clock timeout per call
//! into the engine, queued promise jobs. They apply to every later call into the engine until
//! you change them, so a host that trusts its plugins differently sets each plugin's limits
//! before calling it ([`Engine::set_limits`]). A plugin that reaches one stops with
//! [`Error::Limit`], which no `try`/`catch` in guest code can intercept, and the engine stays
//! usable for the next call.
//!
//! ```
//! use std::time::Duration;
//! use hardened::{CompartmentOptions, Engine, Error, Limit, Limits, LockdownOptions};
//!
//! let mut engine = Engine::builder().lockdown(LockdownOptions::default()).build()?;
//! let spin = engine.new_compartment(CompartmentOptions::new().name("spin"))?;
//!
//! engine.set_limits(Limits::new().loop_iterations(100_000).timeout(Duration::from_secs(1)));
//! let stopped = engine.evaluate::<()>(&spin, "try { for (;;) {} } catch { 'caught' }");
//! let Err(Error::Limit(limit)) = stopped else { panic!("the loop was not stopped") };
//! assert_eq!(limit, Limit::LoopIterations);
//! assert_eq!(
//!     Error::Limit(limit).to_string(),
//!     "limit reached: a loop exceeded the iteration limit"
//! );
//!
//! engine.set_limits(Limits::new().recursion(100));
//! let deep = engine.evaluate::<()>(&spin, "const f = (n) => f(n + 1); f(0)");
//! assert!(matches!(deep, Err(Error::Limit(Limit::Recursion))));
//!
//! // The engine carries on.
//! assert_eq!(engine.evaluate::<i32>(&spin, "1 + 1")?, 2);
//! # Ok::<(), hardened::Error>(())
//! ```
//!
//! These limits are checked by the engine as guest code runs, inside your process. They do
//! not bound memory, nor a single built-in operation that runs long (a regular expression that
//! backtracks for minutes): for that, see [section 9](#9-a-hard-ceiling-worker-processes).
//!
//! ## 7. Errors that say where
//!
//! Every call into the engine returns a [`hardened::Result`](crate::Result). When guest code
//! throws, the error is [`Error::Thrown`] with a [`ThrownError`]: the `name` and `message`
//! the guest sees, and the stack [`frames`](crate::ThrownError::frames), innermost first, positions in
//! the guest's own source. [`ThrownError::location`] is where the error was made. Name a script
//! with [`Source::named`] (a file name, a plugin's id) so that its frames say so; a module's
//! frames carry its specifier.
//!
//! ```
//! use hardened::{CompartmentOptions, Engine, Error, LockdownOptions, Source};
//!
//! let mut engine = Engine::builder().lockdown(LockdownOptions::default()).build()?;
//! let plugin = engine.new_compartment(CompartmentOptions::new().name("report"))?;
//! let source = "function total(items) {\n  return items.reduce((sum, item) => sum + item.price, 0);\n}\ntotal([null]);";
//! let Err(Error::Thrown(thrown)) = engine.run_script(&plugin, Source::named("report.js", source))
//! else { panic!("the script throws") };
//! assert_eq!(thrown.name, "TypeError");
//! let at = thrown.location().expect("a position in report.js");
//! assert_eq!((at.source.as_str(), at.line), ("report.js", 2));
//! assert_eq!(at.to_string(), format!("report.js:2:{}", at.column));
//! // Innermost first: the arrow function, `total`, then the script's top level.
//! let functions: Vec<&str> = thrown.frames.iter().map(|frame| frame.function.as_str()).collect();
//! assert!(functions.ends_with(&["total", "<main>"]), "{functions:?}");
//! println!("{thrown}");
//! for frame in &thrown.frames {
//!     println!("    {frame}"); // `at total (report.js:2:10)`
//! }
//!
//! // A module's frames name it by its specifier.
//! let Err(Error::Thrown(thrown)) =
//!     engine.evaluate_module(&plugin, "plugins/broken.mjs", "export const x = 1;\nnull.y;")
//! else { panic!("the module throws") };
//! assert_eq!(thrown.location().map(|at| (at.source.as_str(), at.line)), Some(("plugins/broken.mjs", 2)));
//! # Ok::<(), hardened::Error>(())
//! ```
//!
//! The other variants are the host's side of things: [`Error::Limit`] (above),
//! [`Error::Conversion`] when a value does not convert to the Rust type you asked for,
//! [`Error::WrongEngine`] for a compartment or function of another engine, and
//! [`Error::Unusable`] after a bug in Boa was contained: drop that engine and build another.
//! Function names in frames are chosen by the guest: show them, do not act on them.
//!
//! ## 8. Promises
//!
//! [`Engine::import`], [`Engine::call`] and [`Engine::invoke`] run the promise jobs a call
//! queued before they return; after [`Engine::evaluate`] or [`Engine::run_script`], run them
//! with [`Engine::run_jobs`]. Jobs run under the limits in force, so run them before you switch
//! to another plugin's. What an `async` plugin function returns is a promise:
//! [`Engine::settle`] runs the jobs until it settles and returns its value, or its rejection
//! as an error. A rejection nobody handled is not lost:
//! [`Engine::take_unhandled_rejections`] returns them, oldest first.
//!
//! ```
//! use hardened::{CompartmentOptions, Engine, LockdownOptions};
//!
//! let mut engine = Engine::builder().lockdown(LockdownOptions::default()).build()?;
//! let plugin = engine.new_compartment(CompartmentOptions::new())?;
//! let namespace = engine.evaluate_module(
//!     &plugin,
//!     "async.mjs",
//!     "export async function answer() { await null; return 42; }\n\
//!      export async function fail() { throw new RangeError('no answer'); }",
//! )?;
//! let answer = engine.get_function::<(), hardened::boa_engine::JsValue>(&namespace, "answer")?;
//! let promise = engine.invoke(&answer, ())?;
//! assert_eq!(engine.settle(&promise)?.as_number(), Some(42.0));
//!
//! let fail = engine.get_function::<(), hardened::boa_engine::JsValue>(&namespace, "fail")?;
//! let promise = engine.invoke(&fail, ())?;
//! assert_eq!(engine.settle(&promise).unwrap_err().to_string(), "RangeError: no answer");
//!
//! // Fire and forget: the rejection waits for the host.
//! engine.run_script(&plugin, "Promise.reject(new TypeError('nobody listened'));")?;
//! engine.run_jobs()?;
//! let lost = engine.take_unhandled_rejections();
//! // The host read the rejection of `fail()` with `settle`: that one counts as handled.
//! assert_eq!(lost.len(), 1, "{lost:?}");
//! assert_eq!(lost[0].to_string(), "TypeError: nobody listened");
//! # Ok::<(), hardened::Error>(())
//! ```
//!
//! ## 9. A hard ceiling: worker processes
//!
//! The [`Limits`] above run inside your process. For code you do not trust at all, run it in
//! supervised child processes with [`worker::Pool`](crate::worker::Pool) (Unix): each request
//! runs in a fresh compartment of a worker whose memory is capped (`RLIMIT_AS`) and whose CPU
//! and wall-clock time are watched; a request that crosses a ceiling ends its worker, you get
//! [`Error::Limit`] ([`Limit::Memory`](crate::Limit::Memory),
//! [`Limit::Cpu`](crate::Limit::Cpu), [`Limit::Timeout`](crate::Limit::Timeout)), and the pool
//! starts a new worker. The workers are your own program run again, so its `main` calls
//! [`worker::serve_if_worker`](crate::worker::serve_if_worker) first; their host functions are
//! Rust functions of JSON data ([`worker::HostFunctions`](crate::worker::HostFunctions)).
//!
//! `examples/worker_pool.rs` is a complete host (`cargo run --release -p hardened --example
//! worker_pool -- '6 * 7' 'for (;;) {}'`), and `examples/plugin_host.rs` puts sections 2 to
//! 7 together: a plugin host that reads each plugin's manifest and grants it only the
//! capabilities it asks for.
//!
//! [`Caller`]: crate::Caller
//! [`Caller::call`]: crate::Caller::call
//! [`Caller::convert`]: crate::Caller::convert
//! [`Caller::data`]: crate::Caller::data
//! [`CompartmentOptions::host_fn`]: crate::CompartmentOptions::host_fn
//! [`CompartmentOptions::host_object`]: crate::CompartmentOptions::host_object
//! [`CompartmentOptions::module`]: crate::CompartmentOptions::module
//! [`CompartmentOptions::module_directory`]: crate::CompartmentOptions::module_directory
//! [`CompartmentOptions::resolve_hook`]: crate::CompartmentOptions::resolve_hook
//! [`CompartmentOptions::import_hook`]: crate::CompartmentOptions::import_hook
//! [`Engine`]: crate::Engine
//! [`Engine::builder`]: crate::Engine::builder
//! [`Engine::call`]: crate::Engine::call
//! [`Engine::run_jobs`]: crate::Engine::run_jobs
//! [`Engine::run_script`]: crate::Engine::run_script
//! [`Engine::evaluate`]: crate::Engine::evaluate
//! [`Engine::get_function`]: crate::Engine::get_function
//! [`Engine::import`]: crate::Engine::import
//! [`Engine::invoke`]: crate::Engine::invoke
//! [`Engine::set_data`]: crate::Engine::set_data
//! [`Engine::set_limits`]: crate::Engine::set_limits
//! [`Engine::settle`]: crate::Engine::settle
//! [`Engine::take_unhandled_rejections`]: crate::Engine::take_unhandled_rejections
//! [`Error::Conversion`]: crate::Error::Conversion
//! [`Error::Limit`]: crate::Error::Limit
//! [`Error::Thrown`]: crate::Error::Thrown
//! [`Error::Unusable`]: crate::Error::Unusable
//! [`Error::WrongEngine`]: crate::Error::WrongEngine
//! [`FromJs`]: crate::FromJs
//! [`HostError`]: crate::HostError
//! [`HostObject`]: crate::HostObject
//! [`IntoJs`]: crate::IntoJs
//! [`Limits`]: crate::Limits
//! [`ModuleDescriptor`]: crate::ModuleDescriptor
//! [`ModuleDirectory`]: crate::ModuleDirectory
//! [`ModuleDirectory::specifier_of`]: crate::ModuleDirectory::specifier_of
//! [`Source::named`]: crate::Source::named
//! [`ThrownError`]: crate::ThrownError
//! [`ThrownError::location`]: crate::ThrownError::location
//! [`TypedFunction`]: crate::TypedFunction
