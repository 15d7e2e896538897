//! Deterministic instruction metering (`--features metering`): run with
//! `cargo test --release -p hardened --features metering --test metering`.
#![cfg(feature = "metering")]

use hardened::{CompartmentOptions, Engine, Error, Limit, LockdownOptions};

const PROGRAM: &str =
    "let total = 0; for (let i = 0; i < 10000; i++) total += Math.abs(i % 7); total";

/// Instructions `program` uses in a fresh locked-down compartment of a metered engine.
fn used(program: &str) -> u64 {
    let mut engine = Engine::builder()
        .instructions(u64::MAX / 2)
        .build()
        .unwrap();
    engine.lockdown(LockdownOptions::default()).unwrap();
    let guest = engine.new_compartment(CompartmentOptions::new()).unwrap();
    let before = engine.instructions_remaining();
    engine.evaluate::<f64>(&guest, program).unwrap();
    before - engine.instructions_remaining()
}

#[test]
fn the_same_program_uses_the_same_count() {
    let first = used(PROGRAM);
    assert!(first > 10_000, "{first}");
    assert_eq!(used(PROGRAM), first);
    println!("{PROGRAM:?}: {first} instructions");
}

#[test]
fn a_spent_budget_stops_guest_code_uncatchably_and_for_good() {
    let mut engine = Engine::builder().instructions(50_000_000).build().unwrap();
    engine.lockdown(LockdownOptions::default()).unwrap();
    let setup = 50_000_000 - engine.instructions_remaining();
    println!("engine setup and lockdown: {setup} instructions");
    let guest = engine.new_compartment(CompartmentOptions::new()).unwrap();
    for source in [
        "try { for (;;) {} } catch { 'caught' }",
        "(async () => { try { for (;;) await null; } finally { globalThis.ran = 1; } })()",
    ] {
        let stopped = engine
            .evaluate_value(&guest, source)
            .and_then(|value| engine.settle(&value));
        assert!(
            matches!(stopped, Err(Error::Limit(Limit::Instructions))),
            "{source}: {stopped:?}"
        );
    }
    assert_eq!(engine.instructions_remaining(), 0);
    // Boa cannot add to the budget: every later call fails the same way.
    assert!(matches!(
        engine.evaluate::<i32>(&guest, "1 + 1"),
        Err(Error::Limit(Limit::Instructions))
    ));
    // A new engine is the way on.
    let mut fresh = Engine::builder().instructions(1_000_000).build().unwrap();
    let guest = fresh.new_compartment(CompartmentOptions::new()).unwrap();
    assert_eq!(fresh.evaluate::<i32>(&guest, "1 + 1").unwrap(), 2);
}

#[test]
fn an_unmetered_engine_in_a_metering_build_is_unlimited() {
    let mut engine = Engine::new().unwrap();
    // The engine's own setup ran some instructions of the unlimited budget.
    assert!(engine.instructions_remaining() > u64::MAX / 2);
    let guest = engine.new_compartment(CompartmentOptions::new()).unwrap();
    assert_eq!(
        engine
            .evaluate::<f64>(&guest, "let n = 0; for (let i = 0; i < 1e6; i++) n++; n")
            .unwrap(),
        1e6
    );
}

#[test]
fn a_budget_spent_after_an_await_is_not_lost() {
    // Boa's await continuation discards the error that ends its generator; the engine checks
    // the budget again before every job, so the other jobs never run.
    let mut engine = Engine::builder().instructions(200_000).build().unwrap();
    engine.lockdown(LockdownOptions::default()).unwrap();
    let guest = engine.new_compartment(CompartmentOptions::new()).unwrap();
    let ran = engine
        .evaluate_value(
            &guest,
            "(async () => { await null; for (;;) {} })();
             Promise.resolve(1).then(String).then(String).then(String);",
        )
        .and_then(|_| engine.run_jobs());
    assert!(
        matches!(ran, Err(Error::Limit(Limit::Instructions))),
        "{ran:?}"
    );
}
