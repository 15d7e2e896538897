//! Supervised workers: the hard boundary for hosts that run untrusted code.
//!
//! The engine's [`Limits`](crate::Limits) stop guest code at the engine's checkpoints, inside
//! the host's process. They cannot stop a single native operation that runs long (catastrophic
//! regular-expression backtracking), a parse that takes minutes, or memory that grows a little
//! at a time. A [`Pool`] runs guest work in child processes instead, each under a [`Ceiling`]:
//!
//! | resource | mechanism | on overrun |
//! |---|---|---|
//! | memory | `RLIMIT_AS`, set by the worker before its engine exists | the failed allocation ends the worker: [`Limit::Memory`](crate::Limit::Memory) |
//! | CPU time | the pool reads the worker's `/proc/<pid>/stat` every 5 ms | the pool kills it: [`Limit::Cpu`](crate::Limit::Cpu) |
//! | wall-clock time | the engine's own timeout, then the pool's deadline 100 ms later | [`Limit::Timeout`](crate::Limit::Timeout), from the engine (the worker lives) or from the kill |
//!
//! A worker a ceiling ended is replaced; the host process and the other workers are untouched.
//! Workers are the host program run again (its `main` calls [`serve_if_worker`] first), so the
//! host functions a worker offers ([`HostFunctions`]) are ordinary Rust code of the host,
//! called with JSON data. Programs that supervise a whole run of themselves, as
//! `compartment-run --max-memory` does, use [`supervise`] and [`enter_ceiling`].
//!
//! Unix only; the CPU-time ceiling needs Linux's `/proc`.

mod child;
mod pool;
mod serve;
mod wire;

pub use child::{Ceiling, Supervised, Supervision, enter_ceiling, supervise};
pub use pool::{Pool, PoolBuilder};
pub use serde_json;
pub use serve::{HostFunctions, serve_if_worker};
