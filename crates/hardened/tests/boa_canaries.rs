//! Canaries for the Boa 0.22 workarounds listed in `src/boa/mod.rs`: each fails once Boa fixes the defect
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
    let limit = engine.raw_context().runtime_limits().stack_size_limit();
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

/// `boa::module_frame`: in plain Boa, a native function that links and evaluates a module
/// leaves values on the VM stack, which shift the operands of the expression that called it.
#[test]
fn module_steps_from_native_code_shift_the_callers_operands() {
    use hardened::boa_engine::{
        Context, JsValue, Module, NativeFunction, Source, js_string, object::FunctionObjectBuilder,
        property::Attribute,
    };
    let mut context = Context::default();
    let load = NativeFunction::from_fn_ptr(|_, _, context| {
        let module = Module::parse(Source::from_bytes("export const x = 1;"), None, context)?;
        module.load(context);
        context.run_jobs()?;
        module.link(context)?;
        module.evaluate(context)?;
        Ok(JsValue::from(2))
    });
    let load = FunctionObjectBuilder::new(context.realm(), load).build();
    context
        .register_global_property(js_string!("load"), load, Attribute::all())
        .expect("global");
    let join = |source: &str, context: &mut Context| {
        context
            .eval(Source::from_bytes(source))
            .ok()
            .and_then(|v| v.as_string().map(|s| s.to_std_string_escaped()))
    };
    // The control: a native function that does no module step keeps the operands in place.
    assert_eq!(
        join("[10, 20].concat((() => 2)(), 30).join()", &mut context),
        Some("10,20,2,30".to_owned())
    );
    let result = join("[10, 20].concat(load(), 30).join()", &mut context);
    assert_ne!(
        result,
        Some("10,20,2,30".to_owned()),
        "Boa no longer leaves module frames' values on the VM stack: drop boa::module_frame"
    );
}

/// `boa::error_names`: Boa displays the URIError kind as "UriError".
#[test]
fn uri_error_kind_displays_as_uri_error() {
    assert_eq!(
        hardened::boa_engine::JsNativeErrorKind::Uri.to_string(),
        "UriError",
        "Boa names URIError correctly now: drop boa::error_names"
    );
}

/// `boa::uncatchable` relies on `PanicError` passing through `catch`; Boa has no uncatchable
/// error kind a host can define. Fails if a `PanicError` becomes catchable (then the engine's
/// timeout would be catchable too).
#[test]
fn a_panic_error_passes_through_catch() {
    use hardened::boa_engine::{
        Context, NativeFunction, Source, error::PanicError, js_string,
        object::FunctionObjectBuilder, property::Attribute,
    };
    let mut context = Context::default();
    let stop = NativeFunction::from_fn_ptr(|_, _, _| Err(PanicError::new("stop").into()));
    let stop = FunctionObjectBuilder::new(context.realm(), stop).build();
    context
        .register_global_property(js_string!("stop"), stop, Attribute::all())
        .expect("global");
    let result = context.eval(Source::from_bytes(
        "try { stop(); 'ran on' } catch { 'caught' }",
    ));
    assert!(result.is_err(), "a PanicError was caught: {result:?}");
}

/// `parse::guest` rejects `using`: plain Boa parses a `using` declaration and panics running it.
#[test]
fn running_a_using_declaration_panics_boa() {
    use hardened::boa_engine::{Context, Source};
    let outcome = std::panic::catch_unwind(|| {
        let mut context = Context::default();
        let _ = context.eval(Source::from_bytes(
            "(function () { using x = null; return 1; })()",
        ));
    });
    assert!(
        outcome.is_err(),
        "Boa runs `using` declarations now: revisit the rejection in parse::guest"
    );
}

/// `evaluator::source::function_source`: plain Boa's `Function` refuses destructuring
/// parameters.
#[test]
fn function_constructor_refuses_destructuring_parameters() {
    use hardened::boa_engine::{Context, Source};
    let mut context = Context::default();
    let result = context.eval(Source::from_bytes(
        "new Function('{a}', 'return a')({ a: 1 })",
    ));
    assert!(
        result.is_err(),
        "Boa's Function accepts destructuring parameters now: simplify function_source"
    );
}

/// Runs `source` and its jobs in a fresh compartment of an engine whose loops stop after 1,000
/// iterations.
fn run_under_a_loop_limit(source: &str) -> (Engine, hardened::Compartment, Result<(), Error>) {
    let mut engine = Engine::new().expect("engine");
    engine.set_limits(Limits::new().loop_iterations(1_000));
    let guest = engine
        .new_compartment(CompartmentOptions::new())
        .expect("compartment");
    let ran = engine
        .evaluate_value(&guest, source)
        .and_then(|_| engine.run_jobs());
    (engine, guest, ran)
}

/// Boa's `await` continuation discards the completion of the generator it resumes, so an
/// uncatchable limit error raised after an `await` is lost: the async function's promise stays
/// pending and the other jobs run on. Not worked around for the loop and recursion limits
/// (docs/security.md, Open findings); the timeout, pending-job and instruction limits are checked
/// again before every job.
#[test]
fn a_limit_after_an_await_is_dropped_by_boa() {
    let (mut engine, guest, ran) = run_under_a_loop_limit(
        "globalThis.after = false;
         (async () => { await null; for (;;) {} })();
         Promise.resolve().then(() => null).then(() => { after = true; });",
    );
    assert!(
        ran.is_ok() && engine.evaluate::<bool>(&guest, "after").expect("readable"),
        "Boa now reports a limit raised after an await ({ran:?}): check the loop and \
         recursion limits in async code and update docs/security.md"
    );
}

/// A limit inside an async generator's body trips Boa's assertion that its completion is not a
/// throw; the engine contains the panic and is unusable afterwards.
#[test]
fn a_limit_inside_an_async_generator_panics_boa() {
    let (_, _, ran) = run_under_a_loop_limit("(async function* () { for (;;) {} })().next()");
    assert!(
        matches!(ran, Err(Error::Unusable(_))),
        "Boa no longer panics on a limit in an async generator ({ran:?}): update \
         docs/security.md, Open findings"
    );
}
