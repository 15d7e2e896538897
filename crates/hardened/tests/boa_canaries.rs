//! Canaries for the Boa 0.22 workarounds in `src/boa.rs`: each fails once Boa fixes the defect
//! it works around, so the workaround can be removed.

use hardened::{CompartmentOptions, Engine, Error, Limit, Limits};

/// `ValueStack`: an uncatchable error leaves the entered frame's slots on Boa's value stack.
/// Through the raw context (no workaround) the leak shows as `StackSize` after enough limit
/// errors; through the engine's API guests keep their headroom.
#[test]
fn limit_errors_leave_value_stack_slots_behind() {
    let mut engine = Engine::new().expect("engine");
    engine.set_limits(Limits::new().loop_iterations(100));
    let guest = engine
        .new_compartment(CompartmentOptions::new())
        .expect("compartment");
    // A frame with many registers leaves many slots.
    let locals: String = (0..2_000).map(|i| format!("let v{i} = {i};")).collect();
    let source = format!("{locals} for (;;) {{}}");
    for _ in 0..50 {
        let stopped = engine.evaluate_value(&guest, &source);
        assert!(
            matches!(stopped, Err(Error::Limit(Limit::LoopIterations))),
            "{stopped:?}"
        );
    }
    // The workaround kept the headroom: ordinary code still runs.
    assert_eq!(
        engine
            .evaluate::<i32>(&guest, "6 * 7")
            .expect("still usable"),
        42
    );
    // The canary: the raw limit had to grow, i.e. Boa still leaves the slots behind.
    let limit = engine.context().runtime_limits().stack_size_limit();
    assert!(
        limit > 10 * 1024,
        "Boa no longer leaves value-stack slots after a limit error: remove boa::ValueStack"
    );
}
