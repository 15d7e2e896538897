//! Errors say where: every guest error that reaches the host carries its frames, with positions
//! in the guest's own source, whatever wrapper the evaluator compiled it in.

use hardened::{
    CompartmentOptions, Engine, Error, LockdownOptions, ModuleDescriptor, Source, ThrownError,
};

fn thrown(result: Result<impl std::fmt::Debug, Error>) -> ThrownError {
    match result {
        Err(Error::Thrown(thrown)) => thrown,
        other => panic!("expected a thrown error, got {other:?}"),
    }
}

/// (source, line, column) of the innermost frame with a location.
fn at(thrown: &ThrownError) -> (String, u32, u32) {
    let location = thrown
        .location()
        .unwrap_or_else(|| panic!("no guest frame: {thrown:?}"));
    (location.source.clone(), location.line, location.column)
}

#[test]
fn every_evaluation_path_reports_source_positions() {
    let mut engine = Engine::new().unwrap();
    let guest = engine.new_compartment(CompartmentOptions::new()).unwrap();
    // Boa places a failed property read at the property's name: column 8 of line 2.
    let body = "let a = 1;\n  null.x;\n";
    // Compiled as a block (let, no var).
    let block = thrown(engine.evaluate_value(&guest, Source::named("block.js", body)));
    assert_eq!(at(&block), ("block.js".into(), 2, 8));
    // For its effects, as a function body (`var`).
    let effects =
        thrown(engine.run_script(&guest, Source::named("fx.js", "var v = 1;\n  null.x;")));
    assert_eq!(at(&effects), ("fx.js".into(), 2, 8));
    // The completion-value plan puts `return ` before the final expression: columns after it
    // on that line are the source's.
    let plan = thrown(engine.evaluate_value(
        &guest,
        Source::named("plan.js", "var v = 1;\nv; v + null.x.y"),
    ));
    assert_eq!(at(&plan), ("plan.js".into(), 2, 13));
    // Unnamed sources.
    let unnamed = thrown(engine.evaluate_value(&guest, "\n\n  undefined.x"));
    assert_eq!(at(&unnamed), ("<evaluate>".into(), 3, 13));
    // Frames are innermost first, with function names.
    let nested = thrown(engine.evaluate_value(
        &guest,
        Source::named("nested.js", "function inner() {\n  throw new RangeError('deep');\n}\nfunction outer() { inner(); }\nouter();"),
    ));
    let frames: Vec<(String, Option<u32>)> = nested
        .frames
        .iter()
        .map(|frame| {
            (
                frame.function.clone(),
                frame.location.as_ref().map(|l| l.line),
            )
        })
        .collect();
    assert_eq!(frames[0], ("inner".into(), Some(2)));
    assert_eq!(frames[1], ("outer".into(), Some(4)));
    assert!(
        nested
            .stack
            .as_deref()
            .is_some_and(|stack| stack.contains("at inner (nested.js:2:")),
        "{:?}",
        nested.stack
    );
    // A compartment's own eval and Function.
    let eval = thrown(engine.evaluate_value(&guest, "(0, eval)('1;\\n  null.x')"));
    assert_eq!(at(&eval), ("<eval>".into(), 2, 8));
    let function = thrown(engine.evaluate_value(&guest, "Function('a', 'return a.x')(null)"));
    assert_eq!(at(&function).0, "<anonymous>");
}

#[test]
fn module_errors_name_the_module() {
    let mut engine = Engine::new().unwrap();
    engine.lockdown(LockdownOptions::default()).unwrap();
    let guest = engine
        .new_compartment(
            CompartmentOptions::new()
                .resolve_hook(|_, specifier, _| Ok(specifier.to_owned()))
                .module(
                    "lib/util.js",
                    ModuleDescriptor::source("export function f() {\n  return null.x;\n}"),
                )
                .module(
                    "main.js",
                    ModuleDescriptor::source("import { f } from 'lib/util.js';\nf();"),
                ),
        )
        .unwrap();
    let error = thrown(engine.import(&guest, "main.js"));
    assert_eq!(at(&error), ("lib/util.js".into(), 2, 15));
    let sources: Vec<&str> = error
        .frames
        .iter()
        .filter_map(|f| Some(f.location.as_ref()?.source.as_str()))
        .collect();
    // The loader's own frames are not shown.
    assert_eq!(sources, ["lib/util.js", "main.js"]);
}

#[test]
fn guests_see_their_own_positions_only_when_error_taming_allows() {
    let source = "function f() {\n  return new Error('x').stack;\n}\nf()";
    let mut safe = Engine::new().unwrap();
    safe.lockdown(LockdownOptions::default()).unwrap();
    let guest = safe.new_compartment(CompartmentOptions::new()).unwrap();
    assert_eq!(
        safe.evaluate::<String>(&guest, Source::named("s.js", source))
            .unwrap(),
        "Error: x"
    );

    let mut unsafe_engine = Engine::new().unwrap();
    let options = LockdownOptions {
        error_taming: hardened::lockdown::ErrorTaming::Unsafe,
        ..LockdownOptions::default()
    };
    unsafe_engine.lockdown(options).unwrap();
    let guest = unsafe_engine
        .new_compartment(CompartmentOptions::new())
        .unwrap();
    let stack = unsafe_engine
        .evaluate::<String>(&guest, Source::named("s.js", source))
        .unwrap();
    assert!(stack.starts_with("    at f (s.js:2:"), "{stack:?}");
    assert!(
        !stack.contains('\u{1}') && !stack.contains('\u{2}'),
        "{stack:?}"
    );
    // Even when safe hides it from guests, the host sees the frames.
    let error = thrown(safe.evaluate_value(
        &safe.start_compartment().clone(),
        Source::named("h.js", "\nnull.x"),
    ));
    assert_eq!(at(&error), ("h.js".into(), 2, 6));
}

#[test]
fn the_same_text_under_two_names_keeps_each_name() {
    let mut engine = Engine::new().unwrap();
    let guest = engine.new_compartment(CompartmentOptions::new()).unwrap();
    let text = "null.x";
    for name in ["one.js", "two.js", "one.js"] {
        let error = thrown(engine.evaluate_value(&guest, Source::named(name, text)));
        assert_eq!(at(&error).0, name);
    }
}
