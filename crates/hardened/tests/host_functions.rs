//! Host functions from Rust closures (`CompartmentOptions::host_fn`): typed arguments and
//! results, errors guest code can catch, callbacks, host state, and panics told apart: the
//! closure's own are the host's, Boa's poison the engine.

use std::{
    panic::{AssertUnwindSafe, catch_unwind},
    sync::{Arc, Mutex},
};

use boa_engine::{JsValue, NativeFunction, object::FunctionObjectBuilder};
use hardened::{Caller, CompartmentOptions, Engine, Error, HostError, LockdownOptions};

fn locked(options: impl FnOnce(&Engine) -> CompartmentOptions) -> (Engine, hardened::Compartment) {
    let mut engine = Engine::new().unwrap();
    engine.lockdown(LockdownOptions::default()).unwrap();
    let options = options(&engine);
    let guest = engine.new_compartment(options).unwrap();
    (engine, guest)
}

/// A raw native that panics, standing for a Boa bug.
fn crash(engine: &mut Engine) -> boa_engine::JsObject {
    FunctionObjectBuilder::new(
        engine.raw_context().realm(),
        NativeFunction::from_fn_ptr(|_, _, _| panic!("simulated engine bug")),
    )
    .build()
    .into()
}

#[test]
fn arguments_and_results_are_typed() {
    let calls = Arc::new(Mutex::new(Vec::new()));
    let seen = calls.clone();
    let (mut engine, guest) = locked(|_| {
        CompartmentOptions::new()
            .host_fn(
                "greet",
                move |_: &mut Caller<'_>, (name, times): (String, Option<u32>)| {
                    seen.lock().unwrap().push(name.clone());
                    Ok(vec![name; times.unwrap_or(1) as usize])
                },
            )
            .host_fn("nothing", |_: &mut Caller<'_>, (): ()| Ok(()))
    });
    assert_eq!(
        engine
            .evaluate::<Vec<String>>(&guest, "greet('a', 2)")
            .unwrap(),
        ["a", "a"]
    );
    assert_eq!(
        engine
            .evaluate::<Vec<String>>(&guest, "greet('b')")
            .unwrap(),
        ["b"]
    );
    assert_eq!(*calls.lock().unwrap(), ["a", "b"]);
    assert_eq!(engine.evaluate::<i32>(&guest, "greet.length").unwrap(), 2);
    assert_eq!(
        engine.evaluate::<String>(&guest, "greet.name").unwrap(),
        "greet"
    );
    assert!(
        engine
            .evaluate::<bool>(&guest, "nothing() === undefined")
            .unwrap()
    );
    // Arrays the host returns are the guest's (shared, frozen intrinsics after lockdown).
    assert!(
        engine
            .evaluate::<bool>(
                &guest,
                "Object.getPrototypeOf(greet('c')) === Array.prototype"
            )
            .unwrap()
    );
    // An argument that does not convert is a TypeError the guest can catch.
    assert_eq!(
        engine
            .evaluate::<String>(&guest, "try { greet('x', -1) } catch (e) { e.name }")
            .unwrap(),
        "TypeError"
    );
}

#[test]
fn host_errors_and_callback_errors_reach_the_guest() {
    let (mut engine, guest) = locked(|_| {
        CompartmentOptions::new()
            .host_fn(
                "refuse",
                |_: &mut Caller<'_>, (): ()| -> Result<(), HostError> {
                    Err(HostError::range_error("not today"))
                },
            )
            .host_fn("each", |caller: &mut Caller<'_>, (f, n): (JsValue, u32)| {
                let mut total = 0.0;
                for i in 0..n {
                    let value = caller.call(&f, &[i.into()])?;
                    total += caller.convert::<f64>(&value)?;
                }
                Ok(total)
            })
    });
    assert_eq!(
        engine
            .evaluate::<String>(
                &guest,
                "try { refuse() } catch (e) { `${e.constructor.name}: ${e.message}` }"
            )
            .unwrap(),
        "RangeError: not today"
    );
    assert_eq!(
        engine.evaluate::<f64>(&guest, "each(() => 2, 3)").unwrap(),
        6.0
    );
    // What a callback throws comes back unchanged (the same object).
    assert!(
        engine
            .evaluate::<bool>(
                &guest,
                "const boom = {}; try { each(() => { throw boom }, 1) } catch (e) { e === boom }"
            )
            .unwrap()
    );
}

#[test]
fn host_state_lives_in_the_engine() {
    struct Counter(std::cell::Cell<u32>);
    let (mut engine, guest) = locked(|_| {
        CompartmentOptions::new().host_fn("tick", |caller: &mut Caller<'_>, (): ()| {
            let counter = caller
                .data::<Counter>()
                .ok_or_else(|| HostError::error("no counter"))?;
            counter.0.set(counter.0.get() + 1);
            Ok(counter.0.get())
        })
    });
    assert!(engine.evaluate_value(&guest, "tick()").is_err());
    engine.set_data(Counter(std::cell::Cell::new(0)));
    assert_eq!(engine.evaluate::<u32>(&guest, "tick(); tick()").unwrap(), 2);
    assert_eq!(engine.data::<Counter>().unwrap().0.get(), 2);
}

#[test]
fn a_panic_in_the_closure_is_the_hosts_and_spares_the_engine() {
    let (mut engine, guest) = locked(|_| {
        CompartmentOptions::new().host_fn(
            "fail",
            |_: &mut Caller<'_>, (): ()| -> Result<(), HostError> { panic!("host bug") },
        )
    });
    let raised = catch_unwind(AssertUnwindSafe(|| {
        engine.evaluate_value(&guest, "try { fail() } catch { 'caught' }")
    }));
    let payload = raised.expect_err("the host's panic is raised");
    assert_eq!(payload.downcast_ref::<&str>(), Some(&"host bug"));
    assert!(engine.is_usable());
    assert_eq!(engine.evaluate::<i32>(&guest, "1 + 1").unwrap(), 2);
}

/// Boa panicking while a host function converts its arguments or calls back is Boa's: the
/// engine is poisoned (with a raw `NativeFunction`, the same panic would pass for the host's).
#[test]
fn a_panic_in_engine_work_a_host_function_asked_for_poisons() {
    for source in [
        // Converting the argument reads the element through the native getter.
        "const o = { length: 1 }; Object.defineProperty(o, '0', { get: crash }); list(o)",
        "call(crash)",
        "call(crash.bind(null))",
    ] {
        let mut engine = Engine::new().unwrap();
        engine.lockdown(LockdownOptions::default()).unwrap();
        let crash = crash(&mut engine);
        let guest = engine
            .new_compartment(
                CompartmentOptions::new()
                    .global("crash", crash)
                    .host_fn("list", |_: &mut Caller<'_>, (l,): (Vec<f64>,)| Ok(l.len()))
                    .host_fn("call", |caller: &mut Caller<'_>, (f,): (JsValue,)| {
                        caller.call(&f, &[])
                    }),
            )
            .unwrap();
        let result = catch_unwind(AssertUnwindSafe(|| engine.evaluate_value(&guest, source)));
        assert!(
            matches!(result, Ok(Err(Error::Unusable(_)))),
            "{source}: {:?}",
            result.map(|r| r.map(|v| v.display().to_string()))
        );
        assert!(!engine.is_usable(), "{source}");
    }
}

/// `CompartmentOptions::host_object`: an object of host functions, new and frozen in each
/// compartment, hardened once lockdown has frozen what it inherits from.
#[test]
fn host_objects_are_frozen_per_compartment_and_typed() {
    let options = CompartmentOptions::new().host_object(
        "kv",
        hardened::HostObject::new()
            .function("get", |_: &mut Caller<'_>, (key,): (String,)| {
                Ok((key == "a").then_some(1))
            })
            .function("set", |_: &mut Caller<'_>, (_, _): (String, f64)| Ok(()))
            .function(
                "fail",
                |_: &mut Caller<'_>, (): ()| -> Result<(), HostError> {
                    Err(HostError::range_error("full"))
                },
            ),
    );
    let (mut engine, guest) = locked(|_| options.clone());
    let other = engine.new_compartment(options).unwrap();
    assert_eq!(
        engine
            .evaluate::<Option<i32>>(&guest, "kv.get('a')")
            .unwrap(),
        Some(1)
    );
    assert_eq!(
        engine
            .evaluate::<Option<i32>>(&guest, "kv.get('b')")
            .unwrap(),
        None
    );
    assert_eq!(
        engine
            .evaluate::<String>(
                &guest,
                "[Object.keys(kv), kv.get.name, kv.get.length, kv.set.length, \
                 Object.getPrototypeOf(kv) === Object.prototype].join(' ')"
            )
            .unwrap(),
        "get,set,fail get 1 2 true"
    );
    assert_eq!(
        engine
            .evaluate::<String>(&guest, "try { kv.get(1) } catch (e) { e.name }")
            .unwrap(),
        "TypeError"
    );
    assert_eq!(
        engine
            .evaluate::<String>(&guest, "try { kv.fail() } catch (e) { `${e}` }")
            .unwrap(),
        "RangeError: full"
    );
    for attempt in [
        "kv.get = () => 'mine'",
        "kv.extra = 1",
        "delete kv.set",
        "kv.get.stash = 1",
    ] {
        let refused = engine.evaluate_value(&guest, attempt).unwrap_err();
        assert!(
            refused.to_string().starts_with("TypeError"),
            "{attempt}: {refused}"
        );
    }
    let kv: boa_engine::JsObject = engine.get_global(&guest, "kv").unwrap();
    assert!(
        engine
            .mutabilities(&kv.clone().into(), "kv")
            .unwrap()
            .paths
            .is_empty()
    );
    // Each compartment has its own object and functions.
    let theirs: boa_engine::JsObject = engine.get_global(&other, "kv").unwrap();
    assert!(!boa_engine::JsObject::equals(&kv, &theirs));
    let (mine, theirs): (JsValue, JsValue) = (
        engine.get(&kv, "get").unwrap(),
        engine.get(&theirs, "get").unwrap(),
    );
    assert_ne!(mine, theirs);
}

/// A host object's functions contain their panics and get the entry check of every endowment:
/// engine B cannot run engine A's.
#[test]
fn host_object_functions_contain_panics_and_check_their_engine() {
    let (mut engine_a, a) = locked(|_| {
        CompartmentOptions::new().host_object(
            "host",
            hardened::HostObject::new().function(
                "fail",
                |_: &mut Caller<'_>, (): ()| -> Result<(), HostError> { panic!("host bug") },
            ),
        )
    });
    let raised = catch_unwind(AssertUnwindSafe(|| {
        engine_a.evaluate_value(&a, "try { host.fail() } catch { 'caught' }")
    }));
    assert_eq!(
        raised
            .expect_err("the host's panic is raised")
            .downcast_ref::<&str>(),
        Some(&"host bug")
    );
    assert!(engine_a.is_usable());
    let fail: boa_engine::JsObject = engine_a.evaluate(&a, "host.fail").unwrap();
    let (mut engine_b, b) = locked(|_| CompartmentOptions::new().global("fail", fail));
    let refused = catch_unwind(AssertUnwindSafe(|| {
        engine_b.evaluate_value(&b, "try { fail() } catch { 'swallowed' }")
    }));
    assert!(
        matches!(refused, Ok(Err(Error::WrongEngine(_)))),
        "{:?}",
        refused.map(|r| r.map(|v| v.display().to_string()))
    );
    assert!(engine_a.is_usable() && engine_b.is_usable());
}
