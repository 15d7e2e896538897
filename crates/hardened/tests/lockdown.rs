//! lockdown() and harden() through the Rust API.

use hardened::{CompartmentOptions, Engine, Error, LockdownOptions};

fn locked() -> Engine {
    let mut engine = Engine::new().unwrap();
    let report = engine
        .lockdown(LockdownOptions {
            reporting: hardened::lockdown::Reporting::None,
            ..LockdownOptions::default()
        })
        .unwrap();
    assert!(
        report.warnings.is_empty(),
        "unexpected removals: {:?}",
        report.warnings
    );
    engine
}

#[test]
fn lockdown_freezes_every_intrinsic_reachable_from_a_compartment() {
    let mut engine = locked();
    let guest = engine.new_compartment(CompartmentOptions::new()).unwrap();
    let root = guest.global_object().into();
    let found = engine.mutabilities(&root, "globalThis").unwrap();
    println!(
        "objects walked from a compartment's global: {}",
        found.objects_walked
    );
    assert!(
        found.objects_walked > 700,
        "walked {}",
        found.objects_walked
    );
    // Only the compartment's own global is mutable.
    assert!(
        found.paths.iter().all(|p| p.starts_with("globalThis:")),
        "{:#?}",
        found.paths
    );
}

#[test]
fn second_lockdown_throws() {
    let mut engine = locked();
    let Error::Thrown(e) = engine.lockdown(LockdownOptions::default()).unwrap_err() else {
        panic!()
    };
    assert!(e.message.contains("SES_ALREADY_LOCKED_DOWN"));
}

#[test]
fn harden_requires_lockdown_then_freezes_deeply() {
    let mut engine = Engine::new().unwrap();
    let start = engine.start_compartment().clone();
    let value = engine
        .evaluate_value(&start, "({ a: { b: [1, 2] } })")
        .unwrap();
    assert!(engine.harden(&value).is_err());
    let mut engine = locked();
    let start = engine.start_compartment().clone();
    let value = engine
        .evaluate_value(&start, "({ a: { b: [1, 2] }, get g() { return 1 } })")
        .unwrap();
    engine.harden(&value).unwrap();
    engine.set_global(&start, "v", value).unwrap();
    assert!(
        engine
            .evaluate::<bool>(
                &start,
                "Object.isFrozen(v) && Object.isFrozen(v.a) && Object.isFrozen(v.a.b)"
            )
            .unwrap()
    );
}

#[test]
fn thrown_errors_keep_their_names_after_lockdown() {
    // Lockdown turns `name` on the error prototypes into override-enabling accessors; the host
    // still reads it without running guest code.
    let mut engine = locked();
    let guest = engine.new_compartment(CompartmentOptions::new()).unwrap();
    for name in ["Error", "RangeError", "TypeError", "SyntaxError"] {
        let Error::Thrown(thrown) = engine
            .evaluate_value(&guest, &format!("throw new {name}('m')"))
            .unwrap_err()
        else {
            panic!("expected a thrown error");
        };
        assert_eq!((thrown.name.as_str(), thrown.message.as_str()), (name, "m"));
    }
}

/// Lockdown's warnings reach the host's sink as they happen (per `reporting`), always come back
/// in the report, and the library writes nothing itself.
#[test]
fn warnings_go_to_the_hosts_sink() {
    use std::{cell::RefCell, rc::Rc};
    for (reporting, echoed) in [
        (hardened::lockdown::Reporting::Platform, true),
        (hardened::lockdown::Reporting::None, false),
    ] {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let sink = seen.clone();
        let mut engine = Engine::builder()
            .on_warning(move |warning| sink.borrow_mut().push(warning.to_owned()))
            .build()
            .unwrap();
        let start = engine.start_compartment().clone();
        engine
            .evaluate::<()>(&start, "Array.prototype.evil = 1")
            .unwrap();
        let report = engine
            .lockdown(LockdownOptions {
                reporting,
                ..LockdownOptions::default()
            })
            .unwrap();
        let removal = "Removing intrinsics.%ArrayPrototype%.evil".to_owned();
        assert!(report.warnings.contains(&removal), "{:?}", report.warnings);
        assert_eq!(
            seen.borrow().contains(&removal),
            echoed,
            "{:?}",
            seen.borrow()
        );
    }
}
