//! Helpers shared by the criterion benchmarks (`compartment.rs`, `lockdown.rs`, `modules.rs`)
//! and the `compare` binary.

use hardened::{Engine, LockdownOptions, lockdown::Reporting};

/// Lockdown options that print nothing.
#[must_use]
pub fn quiet() -> LockdownOptions {
    LockdownOptions {
        reporting: Reporting::None,
        ..LockdownOptions::default()
    }
}

/// An engine after lockdown, as every compartment target is stated for.
///
/// # Panics
/// If the engine cannot be built or locked down.
#[must_use]
pub fn locked_engine() -> Engine {
    let mut engine = Engine::new().expect("engine");
    engine.lockdown(quiet()).expect("lockdown");
    engine
}
