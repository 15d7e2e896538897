//! Hardened JavaScript for Rust hosts: SES-style `Compartment`s on the Boa engine.
//!
//! An [`Engine`] owns one Boa context. Every compartment in it shares one set of intrinsics and
//! has its own global object, `eval`, `Function` and `Compartment`. Global names are bound by the
//! running code's owner, as in Moddable XS: a function made in compartment A and called from B
//! still reads A's globals. See `docs/architecture.md` for the design.
//!
//! ```
//! use hardened::{CompartmentOptions, Engine};
//!
//! let mut engine = Engine::new()?;
//! let guest = engine.new_compartment(CompartmentOptions::new().global("greeting", "hello"))?;
//! let text: String = engine.evaluate(&guest, "`${greeting}, world`")?;
//! assert_eq!(text, "hello, world");
//!
//! // The guest cannot reach the host's globals, and its own declarations stay local.
//! let err = engine.evaluate::<String>(&guest, "undeclared").unwrap_err();
//! assert_eq!(err.to_string(), "ReferenceError: undeclared is not defined");
//! # Ok::<(), hardened::Error>(())
//! ```
//!
//! New to the crate? [The guide](guide) walks through embedding it, top to bottom: an engine,
//! plugins with typed host functions, modules from a directory, limits, errors that say where,
//! promises and worker processes.
//!
//! # Tour
//!
//! A short tour of the main pieces follows; [the guide](guide) puts them together step by
//! step.
//!
//! ## A compartment
//!
//! A compartment is a global object of its own over the engine's shared intrinsics. Code in it
//! is strict, its top-level declarations stay local to each evaluation, and the completion value
//! comes back converted to the Rust type asked for.
//!
//! ```
//! use hardened::{CompartmentOptions, Engine};
//!
//! let mut engine = Engine::new()?;
//! let guest = engine.new_compartment(CompartmentOptions::new().name("guest"))?;
//! assert_eq!(engine.evaluate::<i32>(&guest, "let x = 6; x * 7")?, 42);
//! assert_eq!(engine.evaluate::<String>(&guest, "typeof x")?, "undefined"); // `x` was local
//! // State that should last is put on the compartment's own global.
//! engine.evaluate_value(&guest, "globalThis.total = 1")?;
//! assert_eq!(engine.evaluate::<i32>(&guest, "total + 1")?, 2);
//! # Ok::<(), hardened::Error>(())
//! ```
//!
//! A read-eval-print loop evaluates its inputs with [`Engine::evaluate_repl`] instead: what an
//! input declares stays for the compartment's later code, and it may `await` at its top level.
//!
//! ## Endowments
//!
//! A compartment can reach only what its host gives it: values, Rust functions and global
//! lexicals (bindings that are not properties of `globalThis`).
//!
//! ```
//! use hardened::{Caller, CompartmentOptions, Engine};
//!
//! let mut engine = Engine::new()?;
//! let calculator = engine.new_compartment(
//!     CompartmentOptions::new()
//!         .global("base", 10)
//!         .host_fn("square", |_: &mut Caller<'_>, (n,): (f64,)| Ok(n * n))
//!         .lexical("UNIT", "cm", false),
//! )?;
//! assert_eq!(engine.evaluate::<String>(&calculator, "square(base) + UNIT")?, "100cm");
//! let bystander = engine.new_compartment(CompartmentOptions::new())?;
//! assert_eq!(engine.evaluate::<String>(&bystander, "typeof square")?, "undefined");
//! # Ok::<(), hardened::Error>(())
//! ```
//!
//! ## Lockdown
//!
//! [`Engine::lockdown`] tames and freezes the shared intrinsics (SES `lockdown()`): run it before
//! any untrusted code. Compartments made afterwards have no clock, no randomness and no way to
//! the realm's evaluators, and get `harden`. Harden what you endow, and audit it with
//! [`Engine::mutabilities`].
//!
//! ```
//! use hardened::{CompartmentOptions, Engine, LockdownOptions, boa_engine::JsValue};
//!
//! let mut engine = Engine::new()?;
//! engine.lockdown(LockdownOptions::default())?;
//! let guest = engine.new_compartment(CompartmentOptions::new())?;
//! let denied = engine.evaluate::<f64>(&guest, "Date.now()").unwrap_err();
//! assert_eq!(denied.to_string(), "TypeError: secure mode Calling %SharedDate%.now() throws");
//! assert!(engine.evaluate::<bool>(&guest, "Object.isFrozen(Object.prototype)")?);
//!
//! // A host object, hardened before it is shared: nothing reachable from it stays mutable.
//! let start = engine.start_compartment().clone();
//! let config: JsValue = engine.evaluate_value(&start, "({ limits: { depth: 3 } })")?;
//! engine.harden(&config)?;
//! assert!(engine.mutabilities(&config, "config")?.paths.is_empty());
//! # Ok::<(), hardened::Error>(())
//! ```
//!
//! ## Modules with Rust hooks
//!
//! Each compartment has its own module map and hooks; a compartment without them loads nothing,
//! and nothing ever reads the host's files unless the host says so
//! ([`CompartmentOptions::module_directory`] confines loading to one directory).
//!
//! ```
//! use std::collections::HashMap;
//! use hardened::{CompartmentOptions, Engine, ModuleDescriptor};
//!
//! let sources = HashMap::from([
//!     ("app/main.js", "import { double } from './math.js'; export default double(21);"),
//!     ("app/math.js", "export const double = (n) => n * 2;"),
//! ]);
//! let mut engine = Engine::new()?;
//! let app = engine.new_compartment(
//!     CompartmentOptions::new()
//!         // `./math.js` imported by `app/main.js` is `app/math.js`.
//!         .resolve_hook(|_, specifier, referrer| {
//!             let base = referrer.rsplit_once('/').map_or("", |(dir, _)| dir);
//!             Ok(match specifier.strip_prefix("./") {
//!                 Some(name) => format!("{base}/{name}"),
//!                 None => specifier.to_owned(),
//!             })
//!         })
//!         .import_hook(move |_, specifier| {
//!             Ok(sources.get(specifier).map(|text| ModuleDescriptor::source(*text)))
//!         })
//!         // A module made of Rust values.
//!         .module("host:version", ModuleDescriptor::exports([("major", 1.into())])),
//! )?;
//! let main = engine.import(&app, "app/main.js")?;
//! assert_eq!(engine.get::<i32>(&main, "default")?, 42);
//! let version = engine.import(&app, "host:version")?;
//! assert_eq!(engine.get::<i32>(&version, "major")?, 1);
//! assert!(engine.import(&app, "app/missing.js").is_err());
//! # Ok::<(), hardened::Error>(())
//! ```
//!
//! ## Limits
//!
//! [`Limits`] stop runaway code with an [`Error::Limit`] that guest code cannot catch; the
//! engine stays usable.
//!
//! ```
//! use std::time::Duration;
//! use hardened::{CompartmentOptions, Engine, Error, Limit, Limits};
//!
//! let mut engine = Engine::new()?;
//! engine.set_limits(Limits::new().loop_iterations(100_000).timeout(Duration::from_secs(1)));
//! let guest = engine.new_compartment(CompartmentOptions::new())?;
//! let stopped = engine.evaluate_value(&guest, "try { for (;;) {} } catch { 'caught' }");
//! assert!(matches!(stopped, Err(Error::Limit(Limit::LoopIterations))));
//! assert_eq!(engine.evaluate::<i32>(&guest, "1 + 1")?, 2);
//! # Ok::<(), hardened::Error>(())
//! ```
//!
//! Another thread stops the running call with the engine's [`InterruptHandle`]
//! ([`Engine::interrupt_handle`]), as `compartment-run`'s REPL does on Ctrl+C.
//!
//! ## Threads
//!
//! An [`Engine`] is not `Send`: Boa's values and collector belong to one thread. Build one
//! engine per thread and send Rust data (source text, results) between threads.
//! `examples/engine_pool.rs` is a pool of worker threads serving requests over channels;
//! `examples/plugin_host.rs` and `examples/expression_handler.rs` are a plugin host and a
//! request handler.
//!
//! ```
//! use std::thread;
//! use hardened::{CompartmentOptions, Engine, LockdownOptions};
//!
//! let workers: Vec<_> = (1..=2)
//!     .map(|n| {
//!         thread::spawn(move || -> Result<i32, hardened::Error> {
//!             let mut engine = Engine::new()?; // made, used and dropped on this thread
//!             engine.lockdown(LockdownOptions::default())?;
//!             let guest = engine.new_compartment(CompartmentOptions::new().global("n", n))?;
//!             engine.evaluate(&guest, "n * 100")
//!         })
//!     })
//!     .collect();
//! let results: Vec<i32> = workers
//!     .into_iter()
//!     .map(|worker| worker.join().expect("the worker panicked"))
//!     .collect::<Result<_, _>>()?;
//! assert_eq!(results, [100, 200]);
//! # Ok::<(), hardened::Error>(())
//! ```

mod boa;
mod bounded;
mod commons;
mod compartment;
mod convert;
mod dispatch;
mod encoding;
mod engine;
mod error;
mod evaluator;
pub mod guide;
mod host_fn;
mod host_panic;
mod identity;
mod jobs;
mod limits;
mod location;
pub mod lockdown;
mod module;
mod ownership;
mod parse;
mod permits;
mod record;
mod rejections;
mod stack;
#[cfg(unix)]
pub mod worker;

pub use boa_engine;
pub use compartment::{CompartmentOptions, HostObject};
pub use convert::FromJs;
pub use engine::{Engine, EngineBuilder, TypedFunction};
pub use error::{Error, Result, ThrownError};
pub use host_fn::{Caller, FromArgs, HostError, IntoArgs, IntoJs};
pub use limits::{InterruptHandle, Limit, Limits};
pub use location::{Frame, Location, Source};
pub use lockdown::{LockdownOptions, LockdownReport, Mutabilities};
pub use module::host::{ModuleDescriptor, ModuleDirectory};
pub use record::Compartment;
