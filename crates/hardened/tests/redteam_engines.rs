//! Red-team probes: handles and objects of one engine used in another.
//!
//! Threat model: a Rust host runs one engine per tenant; guest code is hostile. Each probe
//! prints what it observed (`cargo test -- --nocapture`) and asserts what a secure build must
//! do. Three probes found that a compartment's own `eval`, `Function` and `Compartment`,
//! endowed raw into another engine, compiled code for their compartment there (poisoning its
//! evaluator cache) and made children of it: those functions now refuse to run in another
//! engine (`CompartmentRecord::check_engine`). Two more found that another engine's
//! `lockdown`, called raw, half-tamed this engine and marked it locked, and that another
//! engine's `Compartment` instance ran its methods here: every native now refuses to run in
//! another engine's context (`bounded::reentry`, uncatchably: a catchable error would be made
//! in the other engine's realm).

use std::fmt::Debug;

use boa_engine::{JsObject, JsValue, NativeFunction, js_string};
use hardened::{Compartment, CompartmentOptions, Engine, Error, LockdownOptions, ModuleDescriptor};

fn locked() -> Engine {
    let mut engine = Engine::new().unwrap();
    engine.lockdown(LockdownOptions::default()).unwrap();
    engine
}

fn show<T: Debug>(result: &Result<T, Error>) -> String {
    match result {
        Ok(value) => format!("Ok({value:?})"),
        Err(Error::Thrown(thrown)) => format!("Thrown({}: {})", thrown.name, thrown.message),
        Err(other) => format!("Err({other})"),
    }
}

fn wrong_engine<T: Debug>(what: &str, result: Result<T, Error>) {
    eprintln!("{what}: {}", show(&result));
    assert!(
        matches!(result, Err(Error::WrongEngine(_))),
        "{what}: {}",
        show(&result)
    );
}

/// Tenant A: a locked-down engine with a secret-holding compartment `a` whose module map has
/// `lib` and whose import hook serves `hooked`.
fn tenant_a() -> (Engine, Compartment) {
    let mut engine = locked();
    let a = engine
        .new_compartment(
            CompartmentOptions::new()
                .name("tenant-a")
                .global("secret", js_string!("A-SECRET"))
                .module(
                    "lib",
                    ModuleDescriptor::source("globalThis.libRuns = (globalThis.libRuns ?? 0) + 1; export const who = secret;"),
                )
                .import_hook(|_, specifier| {
                    Ok((specifier == "hooked")
                        .then(|| ModuleDescriptor::source("export const who = 'hooked:' + secret;")))
                }),
        )
        .unwrap();
    engine.set_global(&a, "libRuns", 0).unwrap();
    (engine, a)
}

// ---------------------------------------------------------------------------------------------
// 1. Rust handles of another engine.
// ---------------------------------------------------------------------------------------------

#[test]
fn rust_handles_of_another_engine_are_refused() {
    let (_engine_a, a) = tenant_a();
    let mut b = locked();
    wrong_engine("evaluate", b.evaluate::<String>(&a, "secret"));
    wrong_engine("evaluate_value", b.evaluate_value(&a, "secret"));
    wrong_engine("run_script", b.run_script(&a, "globalThis.x = 1"));
    wrong_engine("import", b.import(&a, "lib"));
    wrong_engine("import_now", b.import_now(&a, "lib"));
    wrong_engine(
        "evaluate_module",
        b.evaluate_module(&a, "m", "export default 1"),
    );
    wrong_engine("get_global", b.get_global::<String>(&a, "secret"));
    wrong_engine("set_global", b.set_global(&a, "secret", 1));
    let alias = || {
        CompartmentOptions::new().module(
            "lib",
            ModuleDescriptor::Alias {
                specifier: "lib".into(),
                compartment: a.clone(),
            },
        )
    };
    wrong_engine("new_compartment alias", b.new_compartment(alias()));
    wrong_engine(
        "with_start_compartment alias",
        Engine::builder()
            .start_compartment(alias())
            .build()
            .map(drop),
    );
    // B still works.
    let c = b.new_compartment(CompartmentOptions::new()).unwrap();
    assert_eq!(b.evaluate::<i32>(&c, "1 + 1").unwrap(), 2);
}

/// The alias check only looks at the static map: an import hook may return an alias of another
/// engine's compartment at load time. The JS-side `record_of` check must catch it.
#[test]
fn import_hook_returning_foreign_alias_is_refused() {
    let (mut engine_a, a) = tenant_a();
    let mut b = locked();
    // Hooks are `Send`: the foreign handle reaches the hook through B's host state.
    b.set_data(a.clone());
    let c = b
        .new_compartment(CompartmentOptions::new().import_hook(|caller, specifier| {
            Ok(Some(ModuleDescriptor::Alias {
                specifier: specifier.to_owned(),
                compartment: caller.data::<Compartment>().unwrap().clone(),
            }))
        }))
        .unwrap();
    let imported = b.import(&c, "lib");
    eprintln!("hook alias import: {}", show(&imported));
    assert!(imported.is_err());
    let now = b.import_now(&c, "lib");
    eprintln!("hook alias importNow: {}", show(&now));
    assert!(now.is_err());
    let guest = b.evaluate_value(
        &c,
        "import('lib').then(ns => ns.who, e => 'refused: ' + e.message)",
    );
    let settled = guest.and_then(|p| b.settle(&p));
    eprintln!("hook alias guest import(): {}", show(&settled));
    assert!(
        settled.as_ref().is_ok_and(|v| v
            .as_string()
            .is_some_and(|s| s.to_std_string_escaped().starts_with("refused"))),
        "{}",
        show(&settled)
    );
    // A's lib did not run in B.
    assert_eq!(engine_a.get_global::<i32>(&a, "libRuns").unwrap(), 0);
}

// ---------------------------------------------------------------------------------------------
// 2. The JavaScript Compartment instance of another engine (`Compartment::as_object`, documented
//    as "to hand to guest code") endowed into B.
// ---------------------------------------------------------------------------------------------

#[test]
fn foreign_compartment_instance_in_guest_code() {
    let (mut engine_a, a) = tenant_a();
    let mut b = locked();
    let c = b
        .new_compartment(CompartmentOptions::new().global("foreign", a.as_object().clone()))
        .unwrap();
    for probe in [
        "foreign.evaluate('secret')",
        "Compartment.prototype.evaluate.call(foreign, 'secret')",
        "foreign.globalThis",
        "Reflect.get(Compartment.prototype, 'globalThis', foreign)",
        "foreign.name",
        "foreign.__noNamespaceBox__",
        "foreign.importNow('lib')",
        "foreign.module('lib')",
        "new Compartment({ modules: { x: { namespace: 'lib', compartment: foreign } } }).importNow('x').who",
        "new Compartment({ modules: { x: { source: 'lib', compartment: foreign } } }).importNow('x').who",
        "new Compartment({ modules: { x: { specifier: 'lib', compartment: foreign } } }).importNow('x').who",
        "new Compartment({ importNowHook: () => ({ namespace: 'lib', compartment: foreign }) }).importNow('x').who",
    ] {
        let result = b.evaluate_value(&c, &format!("(() => {{ try {{ return String({probe}); }} catch (e) {{ return 'refused ' + e.name + ': ' + e.message; }} }})()"));
        let text = result
            .as_ref()
            .map(|v| {
                v.as_string()
                    .map(|s| s.to_std_string_escaped())
                    .unwrap_or_default()
            })
            .unwrap_or_else(|e| format!("host error {e}"));
        eprintln!("{probe} => {text}");
        // B's own methods refuse catchably; A's refuse to run in B at all.
        let refused = text.starts_with("refused")
            || text == "host error a function guest code called belongs to another engine";
        assert!(refused && !text.contains("A-SECRET"), "{probe} => {text}");
    }
    // Async paths.
    for probe in [
        "foreign.import('lib')",
        "foreign.load('lib')",
        "new Compartment({ modules: { x: { namespace: 'lib', compartment: foreign } } }).import('x')",
    ] {
        let text = b
            .evaluate_value(&c, &format!("(async () => {{ try {{ const r = await {probe}; return 'got ' + JSON.stringify(r && (r.namespace ? r.namespace.who : r.who)); }} catch (e) {{ return 'refused ' + e.message; }} }})()"))
            .and_then(|p| b.settle(&p))
            .map(|v| v.display().to_string())
            .or_else(|e| match e {
                Error::WrongEngine(what) => Ok(format!("refused: {what} belongs to another engine")),
                other => Err(other),
            });
        eprintln!("{probe} => {}", show(&text));
        assert!(
            text.as_ref().is_ok_and(|t| t.contains("refused")),
            "{probe}"
        );
    }
    // What the instance itself leaks: its prototype chain is A's, so B's guest holds A's
    // intrinsics (frozen here, as A is locked down).
    let leaks = b
        .evaluate::<String>(
            &c,
            "const p = Object.getPrototypeOf(foreign); \
             const op = Object.getPrototypeOf(p); \
             JSON.stringify({ sameCompartmentProto: p === Compartment.prototype, \
               sameObjectProto: op === Object.prototype, frozenProto: Object.isFrozen(p), \
               frozenObjectProto: Object.isFrozen(op), \
               fnProtoSame: Object.getPrototypeOf(p.evaluate) === Function.prototype })",
        )
        .unwrap();
    eprintln!("foreign instance prototype chain: {leaks}");
    // A is unchanged.
    assert_eq!(
        engine_a.evaluate::<String>(&a, "secret").unwrap(),
        "A-SECRET"
    );
    assert_eq!(engine_a.get_global::<i32>(&a, "libRuns").unwrap(), 0);
}

/// Same, with tenant A *not* locked down (a host that locks down only some engines): the
/// foreign instance's prototype chain reaches A's mutable intrinsics.
#[test]
fn foreign_instance_of_unlocked_engine_reaches_mutable_intrinsics() {
    let mut engine_a = Engine::new().unwrap();
    let a = engine_a.new_compartment(CompartmentOptions::new()).unwrap();
    let mut b = locked();
    let c = b
        .new_compartment(CompartmentOptions::new().global("foreign", a.as_object().clone()))
        .unwrap();
    let result = b.evaluate::<String>(
        &c,
        "const op = Object.getPrototypeOf(Object.getPrototypeOf(foreign)); \
         try { op.polluted = 'by B'; } catch (e) { } String(op.polluted)",
    );
    eprintln!(
        "B pollutes A's Object.prototype through a Compartment instance: {}",
        show(&result)
    );
    let seen = engine_a
        .evaluate::<String>(&a, "String(({}).polluted)")
        .unwrap();
    eprintln!("A sees ({{}}).polluted = {seen}");
}

// ---------------------------------------------------------------------------------------------
// 3. A compartment's own evaluators (`eval`, `Function`, `Compartment`) of engine A used in B.
//    They hold A's record, and nothing checks it belongs to the running context.
// ---------------------------------------------------------------------------------------------

fn evaluators_of(engine: &mut Engine, compartment: &Compartment) -> (JsObject, JsObject, JsObject) {
    let global = compartment.global_object();
    (
        engine.get::<JsObject>(&global, "eval").unwrap(),
        engine.get::<JsObject>(&global, "Function").unwrap(),
        engine.get::<JsObject>(&global, "Compartment").unwrap(),
    )
}

/// What B's guest reaches with A's compartment `eval` (capability leak: expected, it is A's
/// object), and whether B's use of it changes what A later gets for the same source.
#[test]
fn foreign_eval_poisons_the_owning_engine() {
    let (mut engine_a, a) = tenant_a();
    // A has made its evaluators already.
    assert_eq!(
        engine_a.evaluate::<String>(&a, "secret").unwrap(),
        "A-SECRET"
    );
    let (a_eval, _, _) = evaluators_of(&mut engine_a, &a);
    let mut b = locked();
    let c = b
        .new_compartment(CompartmentOptions::new().global("aEval", a_eval))
        .unwrap();
    let in_b = b.evaluate_value(&c, "aEval('`${secret}!`')");
    eprintln!(
        "B runs A's eval('`${{secret}}!`'): {}",
        show(&in_b.map(|v| v.display().to_string()))
    );
    // Now A evaluates the very same source in its own compartment.
    let in_a = engine_a.evaluate::<String>(&a, "`${secret}!`");
    eprintln!("A then evaluates the same source: {}", show(&in_a));
    assert_eq!(in_a.unwrap(), "A-SECRET!");
}

/// A fresh compartment of A whose evaluators B's guest makes first (in B's context): A's own
/// later evaluations need those evaluators.
#[test]
fn foreign_eval_first_use_poisons_the_owning_engine() {
    let (mut engine_a, _) = tenant_a();
    let fresh = engine_a
        .new_compartment(CompartmentOptions::new().global("secret", js_string!("A2")))
        .unwrap();
    let (a_eval, _, _) = evaluators_of(&mut engine_a, &fresh);
    let mut b = locked();
    let c = b
        .new_compartment(CompartmentOptions::new().global("aEval", a_eval))
        .unwrap();
    // A source that needs the direct-eval helper (completion value through control flow).
    let source = "switch (secret) { case 'A2': 'yes'; break; default: 'no' }";
    let in_b = b.evaluate_value(&c, &format!("aEval({source:?})"));
    eprintln!(
        "B runs A's eval first: {}",
        show(&in_b.map(|v| v.display().to_string()))
    );
    let in_a = engine_a.evaluate::<String>(&fresh, source);
    eprintln!("A then evaluates it: {}", show(&in_a));
    let other = engine_a.evaluate::<String>(&fresh, "do { 'x' + secret } while (false)");
    eprintln!("A evaluates another direct-eval source: {}", show(&other));
    assert_eq!(in_a.unwrap(), "yes");
    assert_eq!(other.unwrap(), "xA2");
}

/// A's compartment `Compartment` constructor used by B's guest: the child it makes is stamped
/// with B's engine id (it is made in B's context) but its parent is A's record, which the module
/// descriptors' default `compartment` (the parent) then uses without any engine check.
#[test]
fn foreign_compartment_constructor_links_to_owning_engine_modules() {
    let (mut engine_a, a) = tenant_a();
    let (_, _, a_compartment) = evaluators_of(&mut engine_a, &a);
    let mut b = locked();
    let c = b
        .new_compartment(CompartmentOptions::new().global("AC", a_compartment))
        .unwrap();
    let probes = [
        // Child of A's record, stamped B: its methods accept it in B.
        "new AC({}).evaluate('typeof secret')",
        // `{namespace: 'lib'}` defaults to the parent: A's compartment, loaded in B's context.
        "new AC({ modules: { x: { namespace: 'lib' } } }).importNow('x').who",
        // `{source: 'hooked'}` runs A's import hook in B's context.
        "new AC({ modules: { x: { source: 'hooked' } } }).importNow('x').who",
    ];
    let mut leaked = Vec::new();
    for probe in probes {
        let result = b.evaluate_value(
            &c,
            &format!("(() => {{ try {{ return String({probe}); }} catch (e) {{ return 'refused ' + e.name + ': ' + e.message; }} }})()"),
        );
        let text = result
            .map(|v| v.display().to_string())
            .unwrap_or_else(|e| format!("host error {e}"));
        eprintln!("{probe} => {text}");
        if text.contains("A-SECRET") {
            leaked.push(probe);
        }
    }
    // A's module map now holds what B loaded: A imports `lib` and `hooked`.
    let lib_runs = engine_a.get_global::<i32>(&a, "libRuns");
    eprintln!("A's libRuns after B's loads: {}", show(&lib_runs));
    let a_lib = engine_a.import(&a, "lib").map(|ns| {
        ns.get(js_string!("who"), engine_a.raw_context())
            .map(|v| v.display().to_string())
    });
    eprintln!(
        "A imports lib afterwards: {}",
        match &a_lib {
            Ok(v) => format!("{v:?}"),
            Err(e) => e.to_string(),
        }
    );
    let a_lib_now = engine_a.import_now(&a, "lib").map(drop);
    eprintln!("A importNow lib afterwards: {}", show(&a_lib_now));
    let a_hooked = engine_a.import(&a, "hooked").map(drop);
    eprintln!("A imports hooked afterwards: {}", show(&a_hooked));
    let a_hooked_now = engine_a.import_now(&a, "hooked").map(drop);
    eprintln!("A importNow hooked afterwards: {}", show(&a_hooked_now));
    assert!(
        leaked.is_empty(),
        "B's guest read A's state through: {leaked:?}"
    );
    assert!(a_lib.is_ok_and(|r| r.is_ok()) && a_hooked.is_ok());
}

/// A's `Function` in B: functions it makes are compiled in B's context for A's record.
#[test]
fn foreign_function_constructor_in_guest_code() {
    let (mut engine_a, a) = tenant_a();
    let (_, a_function, _) = evaluators_of(&mut engine_a, &a);
    let mut b = locked();
    let c = b
        .new_compartment(CompartmentOptions::new().global("AF", a_function))
        .unwrap();
    let r = b.evaluate::<String>(&c, "String(AF('return secret')())");
    eprintln!("B: AF('return secret')() => {}", show(&r));
    let r2 = b.evaluate::<String>(
        &c,
        "const f = AF('return [Object.isFrozen(Object.prototype), Object.getPrototypeOf({}) === Object.prototype]'); String(f())",
    );
    eprintln!(
        "B: intrinsics seen by A-owned code compiled in B: {}",
        show(&r2)
    );
    assert_eq!(
        engine_a.evaluate::<String>(&a, "secret").unwrap(),
        "A-SECRET"
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Module namespaces, deferred namespaces and module sources of A as B descriptors.
// ---------------------------------------------------------------------------------------------

#[test]
fn foreign_namespaces_as_descriptors_are_refused() {
    let (mut engine_a, a) = tenant_a();
    let namespace = engine_a.import(&a, "lib").unwrap();
    let deferred = engine_a
        .evaluate_value(&a, "new Compartment({ modules: { y: { source: 'export const q = 1' } }, __options__: true }).module('y')")
        .ok();
    let module_source = engine_a
        .evaluate_value(
            &a,
            "new ModuleSource('export const who = \"from A source\"')",
        )
        .unwrap();
    let mut b = locked();
    let mut options = CompartmentOptions::new()
        .global("ns", namespace.clone())
        .global("src", module_source.clone());
    if let Some(deferred) = deferred.clone() {
        options = options.global("deferred", deferred);
    }
    // Endowing A's deferred namespace may already be refused (its compartment is not B's).
    let Ok(c) = b.new_compartment(options) else {
        return;
    };
    for probe in [
        "new Compartment({ modules: { x: ns } }).importNow('x').who",
        "new Compartment({ modules: { x: { namespace: ns } } }).importNow('x').who",
        "new Compartment({ modules: { x: { namespace: deferred } } }).importNow('x').q",
        "new Compartment({ modules: { x: deferred } }).importNow('x').q",
        "deferred.q",
        "Object.keys(deferred).join()",
        "new Compartment({ modules: { x: { source: src } } }).importNow('x').who",
        "ns.who",
    ] {
        let result = b.evaluate_value(&c, &format!("(() => {{ try {{ return String({probe}); }} catch (e) {{ return 'refused ' + e.name + ': ' + e.message; }} }})()"));
        eprintln!(
            "{probe} => {}",
            result
                .map(|v| v.display().to_string())
                .unwrap_or_else(|e| e.to_string())
        );
    }
    // Host descriptors carrying A's values.
    let d = b
        .new_compartment(
            CompartmentOptions::new()
                .module("ns", ModuleDescriptor::Value(namespace.clone().into()))
                .module("src", ModuleDescriptor::Value(module_source))
                .module("exp", ModuleDescriptor::exports([("ns", namespace.into())])),
        )
        .unwrap();
    for specifier in ["ns", "src", "exp"] {
        let r = b.import(&d, specifier).map(|ns| {
            ns.own_property_keys(b.raw_context())
                .map(|k| format!("{k:?}"))
                .unwrap_or_default()
        });
        eprintln!("B host import {specifier}: {}", show(&r));
    }
    assert_eq!(
        engine_a.evaluate::<String>(&a, "secret").unwrap(),
        "A-SECRET"
    );
}

// ---------------------------------------------------------------------------------------------
// 5. Engine methods that take raw JsObject / JsValue (knowingly unchecked).
// ---------------------------------------------------------------------------------------------

#[test]
fn raw_object_methods_with_foreign_values() {
    let (mut engine_a, a) = tenant_a();
    let a_global = a.global_object();
    let a_fn = engine_a
        .evaluate::<JsObject>(&a, "(() => { const f = () => secret; return f; })()")
        .unwrap();
    let a_obj = engine_a
        .evaluate::<JsObject>(&a, "globalThis.box = { v: 1 }")
        .unwrap();
    let a_promise = engine_a
        .evaluate_value(&a, "Promise.resolve(1).then(x => x + secret)")
        .unwrap();
    let mut b = locked();
    eprintln!(
        "B.get(A global, secret): {}",
        show(&b.get::<String>(&a_global, "secret"))
    );
    eprintln!(
        "B.set(A global, secret): {}",
        show(&b.set(&a_global, "secret", js_string!("B WAS HERE")))
    );
    eprintln!(
        "B.call(A closure): {}",
        show(
            &b.call(&a_fn, &JsValue::undefined(), &[])
                .map(|v| v.display().to_string())
        )
    );
    eprintln!(
        "B.harden(A object): {}",
        show(&b.harden(&a_obj.clone().into()))
    );
    eprintln!(
        "B.mutabilities(A global): {}",
        show(
            &b.mutabilities(&a_global.clone().into(), "aGlobal")
                .map(|m| m.paths.len())
        )
    );
    eprintln!(
        "B.settle(A promise): {}",
        show(&b.settle(&a_promise).map(|v| v.display().to_string()))
    );
    eprintln!(
        "A.settle(A promise) after: {}",
        show(&engine_a.settle(&a_promise).map(|v| v.display().to_string()))
    );
    eprintln!(
        "A sees secret={} box frozen={}",
        show(&engine_a.evaluate::<String>(&a, "secret")),
        show(&engine_a.evaluate::<bool>(&a, "Object.isFrozen(box)"))
    );
}

/// Endowing B with A's compartment global (a raw JsObject): what B's guest can do with it.
#[test]
fn foreign_global_endowed() {
    let (mut engine_a, a) = tenant_a();
    let mut b = locked();
    let c = b
        .new_compartment(CompartmentOptions::new().global("ag", a.global_object()))
        .unwrap();
    for probe in [
        "ag.secret",
        "ag.eval('secret')",
        "ag.Function('return secret')()",
        "ag.eval('import(\"lib\").then(ns => ns.who)')",
        "new ag.Compartment({ modules: { x: { namespace: 'lib' } } }).importNow('x').who",
        "ag.Object === Object",
        "ag.lockdown",
    ] {
        let result = b.evaluate_value(&c, &format!("(() => {{ try {{ return String({probe}); }} catch (e) {{ return 'refused ' + e.name + ': ' + e.message; }} }})()"));
        eprintln!(
            "{probe} => {}",
            result
                .map(|v| v.display().to_string())
                .unwrap_or_else(|e| e.to_string())
        );
    }
    b.run_jobs().unwrap();
    eprintln!(
        "A afterwards: {}",
        show(&engine_a.evaluate::<String>(&a, "secret"))
    );
    eprintln!(
        "A imports lib afterwards: {}",
        show(&engine_a.import(&a, "lib").map(drop))
    );
}

/// Two unlocked engines, after B's guest called A's start-compartment `lockdown`.
fn b_called_a_lockdown() -> (Engine, Engine) {
    let mut engine_a = Engine::new().unwrap();
    let a_start = engine_a.start_compartment().clone();
    let a_lockdown = engine_a
        .get::<JsObject>(&a_start.global_object(), "lockdown")
        .unwrap();
    let mut b = Engine::new().unwrap();
    let c = b
        .new_compartment(CompartmentOptions::new().global("aLockdown", a_lockdown))
        .unwrap();
    let r = b.evaluate_value(&c, "aLockdown(); 'called'");
    eprintln!(
        "B guest calls A's lockdown: {}",
        show(&r.map(|v| v.display().to_string()))
    );
    (engine_a, b)
}

/// Engine A's start compartment `lockdown` called by B's guest before B's host locks down.
#[test]
fn foreign_lockdown_function() {
    let (mut engine_a, mut b) = b_called_a_lockdown();
    let host = b.lockdown(LockdownOptions::default());
    eprintln!("B host lockdown afterwards: {}", show(&host.map(drop)));
    let guest = b.new_compartment(CompartmentOptions::new()).unwrap();
    let state = b.evaluate::<String>(
        &guest,
        "JSON.stringify({ objectProto: Object.isFrozen(Object.prototype), \
           literalProto: Object.isFrozen(Object.getPrototypeOf({})), \
           arrayIter: Object.isFrozen(Object.getPrototypeOf([][Symbol.iterator]())), \
           genProto: Object.isFrozen(Object.getPrototypeOf(function* () {})), \
           dateNow: (() => { try { return typeof Date.now(); } catch (e) { return e.name; } })(), \
           harden: typeof harden })",
    );
    eprintln!("B's new compartment after: {}", show(&state));
    let a_start = engine_a.start_compartment().clone();
    let a_state = engine_a.evaluate::<String>(
        &a_start,
        "JSON.stringify({ objectProto: Object.isFrozen(Object.prototype), arrayIter: Object.isFrozen(Object.getPrototypeOf([][Symbol.iterator]())) })",
    );
    eprintln!("A's state after: {}", show(&a_state));
}

// ---------------------------------------------------------------------------------------------
// 6. Lifetimes: engine A dropped while B holds its objects.
// ---------------------------------------------------------------------------------------------

#[test]
fn objects_outliving_their_engine() {
    let (mut engine_a, a) = tenant_a();
    let (a_eval, a_function, a_compartment) = evaluators_of(&mut engine_a, &a);
    let namespace = engine_a.import(&a, "lib").unwrap();
    let a_promise = engine_a
        .evaluate_value(&a, "new Promise(() => {})")
        .unwrap();
    let a_closure = engine_a
        .evaluate::<JsObject>(&a, "(() => () => secret)()")
        .unwrap();
    let handle = a.clone();
    drop(engine_a);
    boa_gc::force_collect();
    let mut b = locked();
    let c = b
        .new_compartment(
            CompartmentOptions::new()
                .global("aEval", a_eval)
                .global("AF", a_function)
                .global("AC", a_compartment)
                .global("ns", namespace)
                .global("aPromise", a_promise)
                .global("aClosure", a_closure.clone())
                .global("aInstance", handle.as_object().clone()),
        )
        .unwrap();
    for probe in [
        "aEval('secret')",
        "AF('return secret')()",
        "aClosure()",
        "new AC({}).evaluate('1 + 1')",
        "new AC({ modules: { x: { namespace: 'lib' } } }).importNow('x').who",
        "ns.who",
        "aInstance.evaluate('1')",
        "aPromise.then(() => 1) && 'chained'",
    ] {
        let result = b.evaluate_value(&c, &format!("(() => {{ try {{ return String({probe}); }} catch (e) {{ return 'refused ' + e.name + ': ' + e.message; }} }})()"));
        eprintln!(
            "after drop: {probe} => {}",
            result
                .map(|v| v.display().to_string())
                .unwrap_or_else(|e| e.to_string())
        );
    }
    b.run_jobs().unwrap();
    wrong_engine("handle of dropped engine", b.evaluate_value(&handle, "1"));
    eprintln!(
        "B.call(dropped A closure): {}",
        show(
            &b.call(&a_closure, &JsValue::undefined(), &[])
                .map(|v| v.display().to_string())
        )
    );
    b.collect_garbage();
    let c2 = b.new_compartment(CompartmentOptions::new()).unwrap();
    assert_eq!(b.evaluate::<i32>(&c2, "6 * 7").unwrap(), 42);
}

/// A new engine reusing nothing of a dropped one: engine ids are never reused, so a handle of a
/// dropped engine never matches a later engine.
#[test]
fn handle_of_dropped_engine_never_matches_a_later_one() {
    let (engine_a, a) = tenant_a();
    drop(engine_a);
    for _ in 0..8 {
        let mut b = Engine::new().unwrap();
        wrong_engine("later engine", b.evaluate_value(&a, "1"));
    }
}

// ---------------------------------------------------------------------------------------------
// 7. Host endowments of A (Rust closures, hooks) called from B; nested engine calls.
// ---------------------------------------------------------------------------------------------

#[test]
fn foreign_host_function_panics_are_raised_to_the_caller_engine() {
    let mut engine_a = locked();
    let a = engine_a
        .new_compartment(CompartmentOptions::new().function(
            "boom",
            0,
            NativeFunction::from_fn_ptr(|_, _, _| panic!("host boom")),
        ))
        .unwrap();
    let boom = engine_a
        .get::<JsObject>(&a.global_object(), "boom")
        .unwrap();
    let mut b = locked();
    let c = b
        .new_compartment(CompartmentOptions::new().global("boom", boom))
        .unwrap();
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        b.evaluate_value(&c, "try { boom() } catch (e) { 'swallowed' }")
            .map(|v| v.display().to_string())
    }));
    eprintln!(
        "A's panicking endowment called from B: {}",
        match &caught {
            Ok(r) => show(r),
            Err(_) => "panic raised to B's host".to_owned(),
        }
    );
    // A's function refuses to run in B (its entry check), before its body could panic.
    assert!(
        matches!(&caught, Ok(Err(Error::WrongEngine(_)))),
        "{caught:?}"
    );
    assert!(b.is_usable());
    assert!(engine_a.is_usable());
    assert_eq!(b.evaluate::<i32>(&c, "1 + 1").unwrap(), 2);
    assert_eq!(engine_a.evaluate::<i32>(&a, "1 + 1").unwrap(), 2);
}

/// A compartment's transforms are A's guest functions: A's `eval` called from B runs them in
/// B's context before the engine check refuses the record.
#[test]
fn foreign_eval_runs_owner_transforms_before_refusing() {
    let mut engine_a = locked();
    let a = engine_a.new_compartment(CompartmentOptions::new()).unwrap();
    let child_eval = engine_a
        .evaluate::<JsObject>(
            &a,
            "globalThis.ran = []; \
             const log = ran; \
             const k = new Compartment({ __options__: true, transforms: [src => { log.push(src); return src; }] }); \
             k.globalThis.eval",
        )
        .unwrap();
    let mut b = locked();
    let c = b
        .new_compartment(CompartmentOptions::new().global("kEval", child_eval))
        .unwrap();
    let r = b.evaluate_value(&c, "kEval('written by B')");
    eprintln!(
        "B calls A child's eval: {}",
        show(&r.map(|v| v.display().to_string()))
    );
    let ran = engine_a
        .evaluate::<String>(&a, "JSON.stringify(ran)")
        .unwrap();
    eprintln!("A's transform log afterwards: {ran}");
    assert_eq!(ran, "[]", "A's transform ran for B's call");
}

/// Engine A's `lockdown` called by B's guest (both unlocked): does A's own lockdown still work?
#[test]
fn foreign_lockdown_leaves_owner_lockable() {
    let (mut engine_a, mut b) = b_called_a_lockdown();
    let a_lock = engine_a.lockdown(LockdownOptions::default());
    eprintln!("A's own lockdown afterwards: {}", show(&a_lock));
    let b_lock = b.lockdown(LockdownOptions::default());
    eprintln!("B's own lockdown afterwards: {}", show(&b_lock));
    assert!(a_lock.is_ok(), "A can no longer lock down");
    assert!(b_lock.is_ok(), "B can no longer lock down");
}
