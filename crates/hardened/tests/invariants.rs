//! Property tests of lockdown's guarantees: generated guest operations, run in a compartment
//! after lockdown, never change any intrinsic nor another compartment's global; `harden` makes
//! generated object graphs transitively frozen and is idempotent.

use std::cell::RefCell;

use hardened::{Compartment, CompartmentOptions, Engine, LockdownOptions, lockdown::Reporting};
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

/// Expressions that reach intrinsics (and the guest's own global) from compartment code.
const TARGETS: &[&str] = &[
    "Array.prototype",
    "Object.prototype",
    "Function.prototype",
    "Math",
    "JSON",
    "Reflect",
    "Promise",
    "Promise.prototype",
    "Object",
    "Array",
    "Symbol",
    "Error.prototype",
    "TypeError",
    "Object.getPrototypeOf(function*(){})",
    "Object.getPrototypeOf(async function(){})",
    "Object.getPrototypeOf([][Symbol.iterator]())",
    "Iterator.prototype",
    "Date",
    "Date.prototype",
    "Math.abs",
    "harden",
    "lockdown",
    "Compartment.prototype",
    "String.prototype",
    "RegExp.prototype",
    "Map.prototype",
    "Uint8Array.prototype",
    "Object.getPrototypeOf(Uint8Array)",
    "globalThis",
    "Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get",
    "(function(){ return arguments })()",
    "Array.prototype[Symbol.unscopables]",
];
const KEYS: &[&str] = &[
    "'x'",
    "'toString'",
    "'constructor'",
    "'prototype'",
    "'length'",
    "'name'",
    "'__proto__'",
    "'valueOf'",
    "'push'",
    "Symbol.iterator",
    "Symbol.toStringTag",
    "0",
];
const VALUES: &[&str] = &[
    "1",
    "{}",
    "null",
    "(function(){})",
    "Object.prototype",
    "undefined",
    "'s'",
];

fn operation() -> impl Strategy<Value = String> {
    let target = prop::sample::select(TARGETS);
    let key = prop::sample::select(KEYS);
    let value = prop::sample::select(VALUES);
    (0..12usize, target, key, value).prop_map(|(kind, t, k, v)| {
        let statement = match kind {
            0 => format!("({t})[{k}] = {v};"),
            1 => format!("Object.defineProperty({t}, {k}, {{ value: {v}, writable: true, configurable: true }});"),
            2 => format!("Object.setPrototypeOf({t}, {v});"),
            3 => format!("delete ({t})[{k}];"),
            4 => format!("Reflect.set({t}, {k}, {v});"),
            5 => format!("Reflect.defineProperty({t}, {k}, {{ get() {{ return {v}; }} }});"),
            6 => format!("Object.assign({t}, {{ [{k}]: {v} }});"),
            7 => format!("({t}).__proto__ = {v};"),
            8 => format!("(function () {{ this[{k}] = {v}; }}).call({t});"),
            9 => format!("Reflect.setPrototypeOf({t}, {v});"),
            10 => format!("const o = Object.create({t}); o[{k}] = {v}; Object.defineProperty(o, {k}, {{ value: {v} }});"),
            _ => format!("({t})[{k}]({v});"),
        };
        format!("try {{ {statement} }} catch {{}}")
    })
}

/// Every object reachable from the start compartment's global and from syntax-made prototypes,
/// with every own property's attributes and value identity, as comparable lines.
fn snapshot(engine: &mut Engine) -> String {
    let start = engine.start_compartment().clone();
    engine
        .evaluate::<String>(
            &start,
            r#"
            const seen = new Map();
            const order = [];
            const id = v => (typeof v === 'object' && v !== null) || typeof v === 'function'
                ? (seen.has(v) ? `#${seen.get(v)}` : (seen.set(v, order.length), order.push(v), `#${order.length - 1}`))
                : typeof v === 'symbol' ? v.toString() : `${typeof v}:${String(v)}`;
            id(globalThis);
            for (const root of [function*(){}, async function(){}, async function*(){}, [][Symbol.iterator](),
                                [].values().map(x => x), (function(){ return arguments })()]) {
                id(Object.getPrototypeOf(root));
            }
            const lines = [];
            for (let i = 0; i < order.length; i++) {
                const o = order[i];
                lines.push(`#${i} proto=${id(Object.getPrototypeOf(o))} ext=${Object.isExtensible(o)}`);
                for (const k of Reflect.ownKeys(o)) {
                    if (o === globalThis && (k === 'seen' || k === 'order')) continue;
                    const d = Object.getOwnPropertyDescriptor(o, k);
                    lines.push(`  ${String(k)} w=${d.writable} e=${d.enumerable} c=${d.configurable} v=${'value' in d ? id(d.value) : ''} g=${id(d.get)} s=${id(d.set)}`);
                }
            }
            lines.join('\n')
            "#,
        )
        .expect("snapshot")
}

fn global_snapshot(engine: &mut Engine, compartment: &Compartment) -> String {
    engine
        .evaluate::<String>(compartment, "Reflect.ownKeys(globalThis).map(k => `${String(k)}=${String(typeof globalThis[k])}`).join(',')")
        .expect("global snapshot")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn guest_operations_never_change_intrinsics_or_other_globals(ops in prop::collection::vec(operation(), 1..16)) {
        ENGINE.with(|engine| {
            let engine = &mut engine.borrow_mut();
            let before = snapshot(engine);
            let guest = engine.new_compartment(CompartmentOptions::new()).unwrap();
            let bystander = engine.new_compartment(CompartmentOptions::new()).unwrap();
            let bystander_before = global_snapshot(engine, &bystander);
            let source = ops.join("\n");
            // Guest code may throw anywhere: only the invariants matter.
            let _ = engine.evaluate_value(&guest, &source);
            let _ = engine.run_jobs();
            prop_assert_eq!(snapshot(engine), before, "intrinsics changed by:\n{}", source);
            prop_assert_eq!(global_snapshot(engine, &bystander), bystander_before);
            Ok(())
        })?;
    }

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
