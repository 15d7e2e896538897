//! Hardened JavaScript for Rust hosts: SES-style `Compartment`s on the Boa engine.
//!
//! An [`Engine`] owns one Boa context. Every compartment in it shares one set of intrinsics and
//! has its own global object, `eval`, `Function` and `Compartment`. Global names are bound by the
//! running code's owner, as in Moddable XS: a function made in compartment A and called from B
//! still reads A's globals. See `docs/architecture.md` for the design.
//!
//! ```
//! use hardened::{CompartmentOptions, Engine, boa_engine::js_string};
//!
//! let mut engine = Engine::new()?;
//! let guest = engine.new_compartment(CompartmentOptions::new().global("greeting", js_string!("hello")))?;
//! let text: String = engine.evaluate(&guest, "`${greeting}, world`")?;
//! assert_eq!(text, "hello, world");
//!
//! // The guest cannot reach the host's globals, and its own declarations stay local.
//! let err = engine.evaluate::<String>(&guest, "undeclared").unwrap_err();
//! assert_eq!(err.to_string(), "ReferenceError: undeclared is not defined");
//! # Ok::<(), hardened::Error>(())
//! ```

mod compartment;
mod dispatch;
mod engine;
mod error;
mod evaluator;
mod jobs;
mod limits;
pub mod lockdown;
mod module;

pub use boa_engine;
pub use engine::{Compartment, CompartmentOptions, Engine};
pub use error::{Error, Result, ThrownError};
pub use limits::{Limit, Limits};
pub use lockdown::{LockdownOptions, LockdownReport, Mutabilities};
pub use module::host::{ModuleDescriptor, ModuleDirectory};
