//! Property tests of `harden`: it makes generated object graphs transitively frozen and is
//! idempotent; and syntax-made objects are frozen after lockdown. (That generated guest programs
//! never change an intrinsic or another compartment is checked by `crates/fuzzing`.)

use std::cell::RefCell;

use hardened::{CompartmentOptions, Engine, LockdownOptions, lockdown::Reporting};
use proptest::prelude::*;

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::new({
        let mut engine = Engine::new().expect("engine");
        engine
            .lockdown(LockdownOptions { reporting: Reporting::None, ..LockdownOptions::default() })
            .expect("lockdown");
        engine
    });
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn harden_is_transitive_and_idempotent(graph in object_graph()) {
        ENGINE.with(|engine| {
            let engine = &mut engine.borrow_mut();
            let start = engine.start_compartment().clone();
            let value = engine.evaluate_value(&start, &graph).unwrap();
            engine.harden(&value).unwrap();
            let found = engine.mutabilities(&value, "root").unwrap();
            prop_assert!(found.paths.is_empty(), "{} left {:?}", graph, found.paths);
            engine.harden(&value).unwrap();
            let same = engine.evaluate_value(&start, "1").map(|_| ()).is_ok();
            prop_assert!(same);
            Ok(())
        })?;
    }
}

/// Source for a random object graph: nested objects, arrays, functions, accessors, symbol
/// keys, shared children and a cycle.
fn object_graph() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("1".to_owned()),
        Just("'s'".to_owned()),
        Just("{}".to_owned()),
        Just("[]".to_owned()),
        Just("(function f() {})".to_owned()),
        Just("(class {})".to_owned()),
        Just("Object.create(null)".to_owned()),
    ];
    let tree = leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4)
                .prop_map(|items| format!("[{}]", items.join(", "))),
            prop::collection::vec(inner.clone(), 0..4).prop_map(|items| {
                let props: Vec<String> = items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| format!("p{i}: {v}"))
                    .collect();
                format!("({{ {} }})", props.join(", "))
            }),
            inner
                .clone()
                .prop_map(|v| format!("({{ get g() {{ return {v}; }}, set g(x) {{}} }})")),
            inner
                .clone()
                .prop_map(|v| format!("({{ [Symbol.for('k')]: {v} }})")),
            inner.prop_map(|v| format!("Object.create({{ inherited: {v} }})")),
        ]
    });
    tree.prop_map(|root| format!("(() => {{ const root = {{ tree: {root} }}; root.self = root; root.shared = [root.tree, root.tree]; return root; }})()"))
}

#[test]
fn syntax_made_objects_are_frozen_after_lockdown() {
    ENGINE.with(|engine| {
        let engine = &mut engine.borrow_mut();
        let guest = engine.new_compartment(CompartmentOptions::new()).unwrap();
        let roots = engine
            .evaluate_value(
                &guest,
                r#"[
                    Object.getPrototypeOf(function*(){}),
                    Object.getPrototypeOf(Object.getPrototypeOf((function*(){})())),
                    Object.getPrototypeOf(async function(){}), Object.getPrototypeOf(async function*(){}),
                    Object.getPrototypeOf(Object.getPrototypeOf((async function*(){})())),
                    Object.getPrototypeOf((function(){ return arguments })()),
                    Object.getOwnPropertyDescriptor((function(){ return arguments })(), 'callee').get,
                    Object.getPrototypeOf([].values().map(x => x)),
                    Object.getPrototypeOf(Iterator.from({ next() { return { done: true }; } })),
                    Array.prototype[Symbol.unscopables],
                    Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get,
                    Object.getPrototypeOf(''[Symbol.iterator]()), Object.getPrototypeOf(/a/[Symbol.matchAll]('a')),
                    Object.getPrototypeOf(new Map().entries()), Object.getPrototypeOf(new Set().values()),
                    Object.getPrototypeOf(Promise.resolve()), globalThis.Compartment, eval, Function,
                ]"#,
            )
            .unwrap();
        let found = engine.mutabilities(&roots, "roots").unwrap();
        println!("objects walked from syntax-made objects: {}", found.objects_walked);
        assert!(found.objects_walked > 150);
        // Only the array the test made is mutable; every object it reaches is frozen.
        assert!(found.paths.len() == 1 && found.paths[0].starts_with("roots: "), "{:#?}", found.paths);
    });
}
