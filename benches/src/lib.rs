//! Helpers and workloads shared by the criterion benchmarks (`compartment.rs`, `lockdown.rs`,
//! `modules.rs`), the `compare` binary and the `workload` driver (whole-process timings and
//! callgrind profiles).

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

/// An engine after lockdown and a new compartment in it.
///
/// # Panics
/// If either cannot be made.
#[must_use]
pub fn locked_compartment() -> (Engine, hardened::Compartment) {
    let mut engine = locked_engine();
    let compartment = engine
        .new_compartment(hardened::CompartmentOptions::new())
        .expect("compartment");
    (engine, compartment)
}

/// A loop over locals only.
pub const LOCALS_LOOP: &str =
    "let s = 0; for (let i = 0; i < 1000000; i++) { s = (s + i * 7) % 1000003; } s";
/// A loop doing two global lookups (and two builtin calls) per iteration.
pub const GLOBALS_LOOP: &str =
    "let s = 0; for (let i = 0; i < 1000000; i++) { s += Math.abs(i) + Math.max(i, 1); } s";
/// A loop of property reads and one store, no global lookups.
pub const PROPERTIES_LOOP: &str = "const o = { a: 1, b: { c: 2 } }; let s = 0; \
    for (let i = 0; i < 1000000; i++) { s += o.a + o.b.c; o.a = i & 7; } s";

/// A CommonJS bundle (`module.exports = ...` inside) as one script that loads it and touches
/// its exports: the whole text is one expression, so it can be evaluated repeatedly in one
/// context or compartment.
#[must_use]
pub fn commonjs_program(bundle: &str, touch: &str) -> String {
    format!(
        "(function () {{ const module = {{ exports: {{}} }};\n\
         (function (exports, module) {{\n{bundle}\n}})(module.exports, module);\n\
         return {touch}; }})()"
    )
}

/// The pinned real bundle made by `benches/inputs/make.sh` (zod), if it has been made.
#[must_use]
pub fn real_bundle() -> Option<String> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench-inputs/zod.cjs");
    std::fs::read_to_string(path).ok()
}

/// Resident memory in bytes (Linux).
fn resident() -> Option<usize> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: usize = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// Resident memory per live compartment, in KiB: `n` compartments made after lockdown and kept.
#[must_use]
pub fn compartment_kib(n: usize) -> Option<f64> {
    let mut engine = locked_engine();
    let before = resident()?;
    let live: Vec<_> = (0..n)
        .map(|_| {
            engine
                .new_compartment(hardened::CompartmentOptions::new())
                .expect("compartment")
        })
        .collect();
    let after = resident()?;
    drop(live);
    Some(after.saturating_sub(before) as f64 / n as f64 / 1024.0)
}

/// Resident memory per live plain Boa realm, in KiB.
#[must_use]
pub fn realm_kib(n: usize) -> Option<f64> {
    let mut plain = boa_engine::Context::default();
    let before = resident()?;
    let realms: Vec<_> = (0..n)
        .map(|_| plain.create_realm().expect("realm"))
        .collect();
    let after = resident()?;
    drop(realms);
    Some(after.saturating_sub(before) as f64 / n as f64 / 1024.0)
}
