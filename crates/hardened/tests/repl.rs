//! `Engine::evaluate_repl`: REPL inputs whose top-level declarations persist and which may
//! await at their top level, and `Engine::interrupt_handle`.

use std::time::Duration;

use hardened::{Compartment, CompartmentOptions, Engine, Error, Limit, Limits, LockdownOptions};

fn session() -> (Engine, Compartment) {
    let mut engine = Engine::new().expect("engine");
    engine
        .lockdown(LockdownOptions::default())
        .expect("lockdown");
    let guest = engine
        .new_compartment(CompartmentOptions::new().name("repl"))
        .expect("compartment");
    (engine, guest)
}

/// Evaluates each input in turn and gives the last one's value as the REPL prints it (a
/// string's text, other values' display).
fn run(engine: &mut Engine, guest: &Compartment, inputs: &[&str]) -> Result<String, Error> {
    let mut last = String::new();
    for input in inputs {
        let value = engine.evaluate_repl(guest, *input)?;
        last = match value.as_string() {
            Some(text) => text.to_std_string_escaped(),
            None => value.display().to_string(),
        };
    }
    Ok(last)
}

fn thrown(result: Result<String, Error>) -> (String, String) {
    match result {
        Err(Error::Thrown(thrown)) => (thrown.name, thrown.message),
        other => panic!("expected a thrown error, got {other:?}"),
    }
}

#[test]
fn every_kind_of_declaration_persists() {
    let (mut engine, guest) = session();
    let value = run(
        &mut engine,
        &guest,
        &[
            "let x = 5",
            "const f = () => x * 2",
            "function g() { return f() + 1 }",
            "class C { get v() { return g() } }",
            "var v = new C().v",
            "if (true) { var nested = 'var in a block' }",
            "let { a, b: [c] } = { a: 1, b: [2] }",
            "[x, f(), g(), v, nested, a, c].join()",
        ],
    )
    .expect("runs");
    assert_eq!(value, "5,10,11,11,var in a block,1,2");
    assert_eq!(
        run(&mut engine, &guest, &["typeof C + typeof g"]).unwrap(),
        "functionfunction"
    );
}

#[test]
fn closures_and_later_inputs_share_one_binding() {
    let (mut engine, guest) = session();
    let value = run(
        &mut engine,
        &guest,
        &["let n = 0; const inc = () => ++n;", "inc(); inc();", "n"],
    )
    .unwrap();
    assert_eq!(value, "2");
    // Assignments from a later input reach the closure's binding too.
    let value = run(&mut engine, &guest, &["n = 40", "inc(); inc()"]).unwrap();
    assert_eq!(value, "42");
    // A compound assignment, `typeof` and `delete` see the binding as a binding.
    let value = run(&mut engine, &guest, &["n += 1; typeof n"]).unwrap();
    assert_eq!(value, "number");
    assert_eq!(run(&mut engine, &guest, &["n"]).unwrap(), "43");
}

#[test]
fn bindings_keep_const_and_the_temporal_dead_zone() {
    let (mut engine, guest) = session();
    run(&mut engine, &guest, &["const k = 1"]).unwrap();
    let (name, _) = thrown(run(&mut engine, &guest, &["k = 2"]));
    assert_eq!(name, "TypeError");
    assert_eq!(run(&mut engine, &guest, &["k"]).unwrap(), "1");
    // An input that throws keeps what it declared before the throw; what it did not reach
    // stays uninitialized.
    let (name, message) = thrown(run(
        &mut engine,
        &guest,
        &["let before = 1; throw new Error('stop'); let after = 2"],
    ));
    assert_eq!((name.as_str(), message.as_str()), ("Error", "stop"));
    assert_eq!(run(&mut engine, &guest, &["before"]).unwrap(), "1");
    let (name, _) = thrown(run(&mut engine, &guest, &["after"]));
    assert_eq!(name, "ReferenceError");
    let (name, _) = thrown(run(&mut engine, &guest, &["after = 3"]));
    assert_eq!(name, "ReferenceError");
}

#[test]
fn a_name_declared_again_is_a_new_binding() {
    let (mut engine, guest) = session();
    let value = run(
        &mut engine,
        &guest,
        &[
            "let x = 1; const old = () => x",
            "const x = 2",
            "const late = () => x",
            "[x, old(), late()].join()",
        ],
    )
    .unwrap();
    assert_eq!(value, "2,1,2");
    // A redeclaration in one input is still an early error, and declares nothing.
    let (name, _) = thrown(run(&mut engine, &guest, &["let y = 1; let y = 2"]));
    assert_eq!(name, "SyntaxError");
    let (name, _) = thrown(run(&mut engine, &guest, &["y"]));
    assert_eq!(name, "ReferenceError");
}

#[test]
fn top_level_await_is_awaited() {
    let (mut engine, guest) = session();
    assert_eq!(
        run(&mut engine, &guest, &["await Promise.resolve(5)"]).unwrap(),
        "5"
    );
    let value = run(
        &mut engine,
        &guest,
        &[
            "async function f() { return 'fetched' }",
            "const v = await f()",
            "for await (const x of [Promise.resolve(1)]) globalThis.seen = x; v + seen",
        ],
    )
    .unwrap();
    assert_eq!(value, "fetched1");
    let (name, message) = thrown(run(
        &mut engine,
        &guest,
        &["let r = 1; await Promise.reject(new RangeError('no'))"],
    ));
    assert_eq!((name.as_str(), message.as_str()), ("RangeError", "no"));
    assert_eq!(run(&mut engine, &guest, &["r"]).unwrap(), "1");
    let (name, message) = thrown(run(&mut engine, &guest, &["await new Promise(() => {})"]));
    assert_eq!(name, "TypeError");
    assert!(message.contains("never settled"), "{message}");
    // `await (f)()` awaits, as in node; `await` that only a Script reads as a name is one.
    assert_eq!(
        run(&mut engine, &guest, &["await (async () => 'awaited')()"]).unwrap(),
        "awaited"
    );
    assert_eq!(
        run(&mut engine, &guest, &["var await = 3", "await"]).unwrap(),
        "3"
    );
}

#[test]
fn declarations_stay_in_their_compartment_and_off_its_global() {
    let (mut engine, guest) = session();
    run(&mut engine, &guest, &["let secret = 42; var open = 1"]).unwrap();
    assert!(
        engine
            .evaluate::<bool>(
                &guest,
                "!('secret' in globalThis) && !Object.keys(globalThis).includes('open') \
                 && secret === 42",
            )
            .unwrap()
    );
    let other = engine
        .new_compartment(CompartmentOptions::new())
        .expect("compartment");
    assert_eq!(
        engine.evaluate::<String>(&other, "typeof secret").unwrap(),
        "undefined"
    );
    // Plain `evaluate` keeps SES semantics: its declarations stay local.
    engine.evaluate_value(&guest, "let local = 1").unwrap();
    assert_eq!(
        run(&mut engine, &guest, &["typeof local"]).unwrap(),
        "undefined"
    );
}

#[test]
fn the_input_sees_nothing_of_the_wrapper() {
    let (mut engine, guest) = session();
    let value = run(
        &mut engine,
        &guest,
        &["let probe = 1; [this === globalThis, arguments.length, typeof v, typeof w].join()"],
    )
    .unwrap();
    assert_eq!(value, "true,0,undefined,undefined");
    // `yield` is not an expression of the input, nor a way out of the wrapper.
    for source in [
        "let a = 1; yield 2",
        "let a = 1; }; globalThis.out = this; {",
        "let a = 1; /* */ } (function(){",
        "await 1; }); (async function*(){",
        "let a = 1; return a",
    ] {
        let (name, _) = thrown(run(&mut engine, &guest, &[source]));
        assert_eq!(name, "SyntaxError", "{source}");
    }
    // Direct eval stays refused in compartment code.
    let (name, _) = thrown(run(&mut engine, &guest, &["let e = 1; eval('e')"]));
    assert_eq!(name, "SyntaxError");
}

#[test]
fn errors_are_located_in_the_input() {
    let (mut engine, guest) = session();
    let source = hardened::Source::named("REPL1", "let a = 1;\n  null.x");
    let located = |result: Result<_, Error>| match result {
        Err(Error::Thrown(thrown)) => thrown.location().cloned().expect("a location"),
        other => panic!("expected a TypeError, got {other:?}"),
    };
    let at = located(engine.evaluate_repl(&guest, source));
    assert_eq!((at.source.as_str(), at.line), ("REPL1", 2));
    // Where `evaluate` puts it.
    assert_eq!(at, located(engine.evaluate_value(&guest, source)));
    // With the final expression made a `return`, and with top-level await.
    let source = hardened::Source::named("REPL2", "let b = 1;\n  null.x + b");
    let at = located(engine.evaluate_repl(&guest, source));
    assert_eq!(at, located(engine.evaluate_value(&guest, source)));
    let at = located(engine.evaluate_repl(
        &guest,
        hardened::Source::named("REPL3", "let c = await 1;\n  null.x + c"),
    ));
    let expected = located(engine.evaluate_value(
        &guest,
        hardened::Source::named("REPL3", "let c = 1;\n  null.x + c"),
    ));
    assert_eq!(at, expected);
}

#[test]
fn an_interrupt_stops_the_running_call_and_only_it() {
    let (mut engine, guest) = session();
    run(&mut engine, &guest, &["let turns = 0"]).unwrap();
    let handle = engine.interrupt_handle();
    // An interrupt made between calls is forgotten when the next call starts.
    handle.interrupt();
    assert_eq!(run(&mut engine, &guest, &["turns"]).unwrap(), "0");
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        handle.interrupt();
    });
    let result = engine.evaluate_repl(&guest, "try { for (;;) turns++ } catch { 'caught' }");
    stopper.join().unwrap();
    assert!(
        matches!(result, Err(Error::Limit(Limit::Interrupted))),
        "{result:?}"
    );
    // The state the input reached is kept, and the engine goes on.
    assert!(
        run(&mut engine, &guest, &["turns > 0"]).unwrap() == "true",
        "the loop ran"
    );
    // Promise jobs are interrupted too.
    let handle = engine.interrupt_handle();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        handle.interrupt();
    });
    let result = engine.evaluate_repl(&guest, "await (async () => { for (;;) await null })()");
    stopper.join().unwrap();
    assert!(
        matches!(result, Err(Error::Limit(Limit::Interrupted))),
        "{result:?}"
    );
    // Its jobs were dropped with it: running the queue does not resume the loop.
    engine.run_jobs().expect("nothing left to run");
    engine.set_limits(Limits::new());
    assert_eq!(run(&mut engine, &guest, &["turns = 1"]).unwrap(), "1");
}
