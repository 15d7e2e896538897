//! Promises rejected with no handler reach the host (`Engine::take_unhandled_rejections`)
//! instead of vanishing; the engine's own promises (module loading, `settle`) never show up.

use hardened::{CompartmentOptions, Engine, LockdownOptions, ModuleDescriptor};

fn unhandled(engine: &mut Engine, source: &str) -> Vec<String> {
    let guest = engine
        .new_compartment(
            CompartmentOptions::new()
                .module("ok", ModuleDescriptor::source("export default 1;"))
                .module(
                    "throws",
                    ModuleDescriptor::source("throw new RangeError('at load');"),
                )
                .module("bad", ModuleDescriptor::source("export default ;")),
        )
        .unwrap();
    engine.evaluate_value(&guest, source).unwrap();
    engine.run_jobs().unwrap();
    engine
        .take_unhandled_rejections()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn only_rejections_nobody_handles_are_reported() {
    let mut engine = Engine::new().unwrap();
    let cases: &[(&str, &[&str])] = &[
        (
            "Promise.reject(new TypeError('lost'))",
            &["TypeError: lost"],
        ),
        (
            "(async () => { throw new Error('async') })()",
            &["Error: async"],
        ),
        ("Promise.reject(1).catch(() => {})", &[]),
        ("Promise.reject(2).then(null, () => {})", &[]),
        // A handler added in a later job still counts.
        (
            "const p = Promise.reject(3); Promise.resolve().then(() => p.catch(() => {}))",
            &[],
        ),
        // A chained promise that is itself left unhandled is the one reported.
        (
            "Promise.reject(new Error('chained')).then(() => {})",
            &["Error: chained"],
        ),
        ("import('ok').then(() => {})", &[]),
        ("import('missing').catch(() => {})", &[]),
        ("import('throws').catch(() => {})", &[]),
        ("import('bad').catch(() => {})", &[]),
        ("import('throws')", &["RangeError: at load"]),
        (
            "new Compartment({ modules: {} }).import('nope').catch(() => {})",
            &[],
        ),
        ("Promise.all([Promise.reject(4), 1]).catch(() => {})", &[]),
        ("Promise.allSettled([Promise.reject(5)])", &[]),
    ];
    for (source, expected) in cases {
        assert_eq!(unhandled(&mut engine, source), *expected, "{source}");
    }
}

#[test]
fn the_host_handling_a_promise_takes_it_off_the_list() {
    let mut engine = Engine::new().unwrap();
    let guest = engine.new_compartment(CompartmentOptions::new()).unwrap();
    let promise = engine
        .evaluate_value(&guest, "Promise.reject(new Error('mine'))")
        .unwrap();
    assert!(engine.settle(&promise).is_err());
    assert!(engine.take_unhandled_rejections().is_empty());
    // The engine's own loading promises are handled by the engine.
    let check = |engine: &mut Engine, step: &str| {
        let left: Vec<String> = engine
            .take_unhandled_rejections()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(left.is_empty(), "{step}: {left:?}");
    };
    let broken = engine
        .new_compartment(CompartmentOptions::new().module("m", ModuleDescriptor::source("throw 1")))
        .unwrap();
    assert!(engine.import(&broken, "m").is_err());
    check(&mut engine, "import");
    assert!(engine.import(&broken, "missing").is_err());
    check(&mut engine, "import missing");
    assert!(engine.import_now(&broken, "m").is_err());
    check(&mut engine, "import_now");
    assert!(engine.evaluate_module(&broken, "n", "throw 2").is_err());
    check(&mut engine, "evaluate_module");
}

#[test]
fn a_guest_cannot_make_the_engine_keep_unbounded_rejections() {
    let mut engine = Engine::new().unwrap();
    let lost = unhandled(
        &mut engine,
        "for (let i = 0; i < 5000; i++) Promise.reject(i)",
    );
    assert_eq!(lost.len(), 64);
    assert_eq!(lost[0], "Uncaught: 0");
}

#[test]
fn unhandled_rejection_trapping_none_stops_keeping_them() {
    let mut engine = Engine::new().unwrap();
    let mut options = LockdownOptions::default();
    options
        .set_option("unhandledRejectionTrapping", "none")
        .unwrap();
    engine.lockdown(options).unwrap();
    assert!(unhandled(&mut engine, "Promise.reject(new Error('ignored'))").is_empty());
    let mut reporting = Engine::builder()
        .lockdown(LockdownOptions::default())
        .build()
        .unwrap();
    assert_eq!(
        unhandled(&mut reporting, "Promise.reject(new Error('kept'))"),
        ["Error: kept"]
    );
}

#[test]
fn platform_options_are_validated_and_ignored() {
    let mut engine = Engine::new().unwrap();
    let start = engine.start_compartment().clone();
    let refused = engine
        .evaluate::<String>(
            &start,
            "try { lockdown({ errorTrapping: 'loud' }); 'ran' } catch (e) { e.message }",
        )
        .unwrap();
    assert!(
        refused.contains("errorTrapping must be one of"),
        "{refused}"
    );
    engine
        .evaluate::<()>(
            &start,
            "lockdown({ errorTrapping: 'none', stackFiltering: 'verbose', domainTaming: 'unsafe', consoleTaming: 'unsafe' })",
        )
        .unwrap();
    assert!(
        engine
            .evaluate::<bool>(&start, "Object.isFrozen(Array.prototype)")
            .unwrap()
    );
}

#[test]
fn reg_exp_compile_goes_quietly_whatever_reg_exp_taming_says() {
    for taming in ["safe", "unsafe"] {
        let mut engine = Engine::new().unwrap();
        let start = engine.start_compartment().clone();
        assert_eq!(
            engine
                .evaluate::<String>(&start, "typeof RegExp.prototype.compile")
                .unwrap(),
            "function",
            "Annex B is on"
        );
        let mut options = LockdownOptions::default();
        options.set_option("regExpTaming", taming).unwrap();
        let report = engine.lockdown(options).unwrap();
        let guest = engine.new_compartment(CompartmentOptions::new()).unwrap();
        assert_eq!(
            engine
                .evaluate::<String>(&guest, "typeof RegExp.prototype.compile")
                .unwrap(),
            "undefined"
        );
        assert!(
            report.warnings.iter().all(|w| !w.contains("compile")),
            "{:?}",
            report.warnings
        );
    }
    assert!(
        LockdownOptions::default()
            .set_option("regExpTaming", "lax")
            .is_err()
    );
}
