//! The Rust API: compartments with Rust endowments, typed results, typed errors, jobs.

use std::{cell::RefCell, rc::Rc};

use boa_engine::{JsValue, NativeFunction, js_string};
use hardened::{CompartmentOptions, Engine, Error};

#[test]
fn typed_results_and_conversion_errors() {
    let mut engine = Engine::new().unwrap();
    let c = engine.new_compartment(CompartmentOptions::new()).unwrap();
    assert_eq!(engine.evaluate::<i32>(&c, "1;2;3").unwrap(), 3);
    assert_eq!(
        engine
            .evaluate::<String>(&c, "if (true) 'yes'; else 'no'")
            .unwrap(),
        "yes"
    );
    assert_eq!(
        engine.evaluate::<Option<i32>>(&c, "var x = 1").unwrap(),
        None
    );
    let error = engine.evaluate::<i32>(&c, "'text'").unwrap_err();
    assert!(matches!(error, Error::Conversion(_)), "{error:?}");
}

#[test]
fn thrown_errors_carry_name_and_message() {
    let mut engine = Engine::new().unwrap();
    let c = engine.new_compartment(CompartmentOptions::new()).unwrap();
    let Error::Thrown(thrown) = engine
        .evaluate_value(&c, "throw new RangeError('too far')")
        .unwrap_err()
    else {
        panic!("expected a thrown error");
    };
    assert_eq!(
        (thrown.name.as_str(), thrown.message.as_str()),
        ("RangeError", "too far")
    );
    let Error::Thrown(syntax) = engine.evaluate_value(&c, "let = ;").unwrap_err() else {
        panic!("expected a SyntaxError");
    };
    assert_eq!(syntax.name, "SyntaxError");
    let Error::Thrown(custom) = engine
        .evaluate_value(&c, "class MyError extends Error {}; MyError.prototype.name = 'MyError'; throw new MyError('m')")
        .unwrap_err()
    else {
        panic!("expected a thrown error");
    };
    assert_eq!(
        (custom.name.as_str(), custom.message.as_str()),
        ("MyError", "m")
    );
    // A hostile getter on a thrown object never runs in the host.
    let Error::Thrown(odd) = engine
        .evaluate_value(
            &c,
            "throw { get message() { globalThis.ran = true; return 'x'; } }",
        )
        .unwrap_err()
    else {
        panic!("expected a thrown value");
    };
    // Shown from its own data only: the getter is named, not run.
    assert_eq!(odd.message, "{ message: [Getter/Setter] }");
    assert!(
        !engine
            .evaluate::<bool>(&c, "globalThis.ran === true")
            .unwrap()
    );
}

#[test]
fn rust_endowments_are_callable_and_isolated() {
    let mut engine = Engine::new().unwrap();
    let log = Rc::new(RefCell::new(Vec::new()));
    let sink = log.clone();
    // SAFETY: the closure captures only an Rc of Rust strings, nothing the GC must trace.
    let record = unsafe {
        NativeFunction::from_closure(move |_, args, context| {
            let text = args
                .first()
                .cloned()
                .unwrap_or_default()
                .to_string(context)?;
            sink.borrow_mut().push(text.to_std_string_escaped());
            Ok(JsValue::undefined())
        })
    };
    let plugin = engine
        .new_compartment(
            CompartmentOptions::new()
                .name("plugin")
                .function("record", 1, record)
                .global("limit", 3)
                .lexical("MODE", js_string!("strict"), false),
        )
        .unwrap();
    engine
        .evaluate_value(
            &plugin,
            "for (let i = 0; i < limit; i++) record(`${MODE}:${i}`)",
        )
        .unwrap();
    assert_eq!(*log.borrow(), ["strict:0", "strict:1", "strict:2"]);
    assert_eq!(plugin.name(), "plugin");
    let other = engine.new_compartment(CompartmentOptions::new()).unwrap();
    assert_eq!(
        engine
            .evaluate::<String>(&other, "typeof record + typeof limit + typeof MODE")
            .unwrap(),
        "undefinedundefinedundefined"
    );
    let Error::Thrown(constant) = engine
        .evaluate_value(&plugin, "MODE = 'loose'")
        .unwrap_err()
    else {
        panic!("expected a TypeError");
    };
    assert_eq!(constant.name, "TypeError");
}

#[test]
fn jobs_run_in_their_own_compartment() {
    let mut engine = Engine::new().unwrap();
    let a = engine
        .new_compartment(CompartmentOptions::new().global("who", js_string!("A")))
        .unwrap();
    let b = engine
        .new_compartment(CompartmentOptions::new().global("who", js_string!("B")))
        .unwrap();
    let later = engine
        .evaluate_value(&a, "(async () => { await null; return who; })")
        .unwrap();
    engine.set_global(&b, "later", later).unwrap();
    engine
        .evaluate_value(
            &b,
            "later().then(v => { globalThis.result = v + '/' + who; })",
        )
        .unwrap();
    engine.run_jobs().unwrap();
    assert_eq!(engine.evaluate::<String>(&b, "result").unwrap(), "A/B");
}

#[test]
fn start_compartment_makes_children_from_javascript() {
    let mut engine = Engine::new().unwrap();
    let start = engine.start_compartment().clone();
    assert_eq!(start.name(), "start");
    let shared: bool = engine
        .evaluate(&start, "const c = new Compartment({ globals: { z: 1 } }); c.evaluate('z') === 1 && c.evaluate('Array') === Array")
        .unwrap();
    assert!(shared);
}

#[test]
fn many_compartments_can_be_created_and_dropped() {
    let mut engine = Engine::new().unwrap();
    for i in 0..200 {
        let c = engine
            .new_compartment(CompartmentOptions::new().global("i", i))
            .unwrap();
        assert_eq!(engine.evaluate::<i32>(&c, "i * 2").unwrap(), i * 2);
    }
    boa_gc::force_collect();
    let c = engine.new_compartment(CompartmentOptions::new()).unwrap();
    assert_eq!(engine.evaluate::<i32>(&c, "40 + 2").unwrap(), 42);
}

/// SES's `assert` in the start compartment, before and after lockdown (in a fresh engine: the
/// spec harness has an `assert` of its own).
#[test]
fn start_compartment_has_ses_assert() {
    let mut engine = Engine::new().unwrap();
    let start = engine.start_compartment().clone();
    let outcome: String = engine
        .evaluate(&start, include_str!("js/start-compartment-assert.js"))
        .unwrap();
    assert_eq!(outcome, "ok");
}

/// What a source did: the error's name, or the `r` it left on the compartment's global.
fn outcome(engine: &mut Engine, run: bool, source: &str) -> String {
    let c = engine.new_compartment(CompartmentOptions::new()).unwrap();
    let result = if run {
        engine.run_script(&c, source)
    } else {
        engine.evaluate_value(&c, source).map(drop)
    };
    match result {
        Ok(()) => engine
            .evaluate::<String>(&c, "String(globalThis.r)")
            .unwrap(),
        Err(Error::Thrown(thrown)) => thrown.name,
        Err(other) => panic!("{source}: {other:?}"),
    }
}

#[test]
fn scripts_run_for_their_effects_mean_what_evaluate_means() {
    let mut engine = Engine::new().unwrap();
    engine
        .lockdown(hardened::LockdownOptions::default())
        .unwrap();
    for (source, expected) in [
        // What the one-parse function-body path takes.
        ("var a = 1; globalThis.r = typeof a", "number"),
        ("if (true) { globalThis.r = this === globalThis }", "true"),
        (
            "function f() {} function f() { return 2 } globalThis.r = f()",
            "2",
        ),
        ("#!/usr/bin/env node\nvar q = 3; globalThis.r = q", "3"),
        ("for (var i = 0; i < 3; i++) globalThis.r = i", "2"),
        ("globalThis.r = typeof arguments", "object"),
        ("throw new TypeError('t')", "TypeError"),
        // Early errors of a Script, which a function body would accept.
        ("return 1", "SyntaxError"),
        ("if (1) { return }", "SyntaxError"),
        ("new.target", "SyntaxError"),
        ("new /* */ .target", "SyntaxError"),
        // Duplicate lexical declarations, which Boa's function bodies do not report (test262's
        // class-definition-evaluation-scriptbody-duplicate-binding).
        ("class A {} class A {}", "SyntaxError"),
        ("let a; let a;", "SyntaxError"),
        // What the full analysis judges.
        ("eval('globalThis.r = 1')", "SyntaxError"),
        ("var \\u0061 = 1; globalThis.r = a", "1"),
        ("} (function () {", "SyntaxError"),
        ("var x = ;", "SyntaxError"),
    ] {
        for run in [false, true] {
            assert_eq!(
                outcome(&mut engine, run, source),
                expected,
                "{source} (run {run})"
            );
        }
    }
    // Declarations stay local to each run, as with `evaluate`.
    let c = engine.new_compartment(CompartmentOptions::new()).unwrap();
    engine
        .run_script(&c, "var local = 1; if (local) {}")
        .unwrap();
    assert_eq!(
        engine.evaluate::<String>(&c, "typeof local").unwrap(),
        "undefined"
    );
    // A text compiled for its effects is never given back as its completion value.
    let text = "var v = 5; if (v) {} v";
    engine.run_script(&c, text).unwrap();
    assert_eq!(engine.evaluate::<i32>(&c, text).unwrap(), 5);
    engine.run_script(&c, text).unwrap();
    assert_eq!(engine.evaluate::<i32>(&c, text).unwrap(), 5);
}

#[test]
fn host_writes_are_checked_like_guest_writes() {
    let mut engine = Engine::new().unwrap();
    let c = engine.new_compartment(CompartmentOptions::new()).unwrap();
    engine.set_global(&c, "answer", 42).unwrap();
    assert_eq!(engine.get_global::<i32>(&c, "answer").unwrap(), 42);
    let refused = engine.set_global(&c, "NaN", 1);
    assert!(
        matches!(&refused, Err(Error::Thrown(thrown)) if thrown.name == "TypeError"),
        "{refused:?}"
    );
}
