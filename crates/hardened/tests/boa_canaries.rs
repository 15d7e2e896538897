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

/// `repair_regexp_source`: plain Boa's `RegExp.prototype.source` escapes an already escaped `/`
/// again; the engine's repaired getter does not.
#[test]
fn regexp_source_escapes_escaped_slashes_again() {
    let mut plain = boa_engine::Context::default();
    let source = plain
        .eval(boa_engine::Source::from_bytes(r"/a\/b/.source"))
        .expect("plain Boa evaluates");
    assert_eq!(
        source.as_string().map(|s| s.to_std_string_escaped()),
        Some(r"a\\/b".to_owned()),
        "Boa fixed RegExp.prototype.source: remove boa::repair_regexp_source"
    );
    let mut engine = Engine::new().expect("engine");
    let start = engine.start_compartment().clone();
    assert_eq!(
        engine.evaluate::<String>(&start, r"/a\/b/.source").unwrap(),
        r"a\/b"
    );
}
