//! Helpers the red-team probes share: an engine no probe can hang, and what a call into the
//! engine came to (a value or a panic).

// Each test crate that includes this module uses only some of it.
#![allow(dead_code)]

use std::{
    panic::{AssertUnwindSafe, catch_unwind},
    time::Duration,
};

use hardened::{Engine, Limits};

/// Limits that end any probe: a timeout and a loop bound.
pub fn limits() -> Limits {
    Limits::new()
        .timeout(Duration::from_secs(10))
        .loop_iterations(50_000_000)
}

/// An engine under [`limits`].
pub fn engine() -> Engine {
    let mut engine = Engine::new().unwrap();
    engine.set_limits(limits());
    engine
}

/// What the host observed from a call into the engine.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Panic(String),
    Returned(String),
}

/// Runs `call`, catching a panic.
pub fn observe<T: std::fmt::Debug>(call: impl FnOnce() -> T) -> Outcome {
    match catch_unwind(AssertUnwindSafe(call)) {
        Ok(value) => Outcome::Returned(format!("{value:?}")),
        Err(payload) => Outcome::Panic(
            payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "<non-string payload>".to_owned()),
        ),
    }
}
