//! Host-boundary hygiene: what guests see of Rust endowments, and what the host sees of guests.
//!
//! Errors a native endowment throws reach guests as instances of the shared, frozen error
//! intrinsics carrying only the message the host chose; objects it returns inherit the shared,
//! frozen intrinsics; a value a guest throws reaches the host without running guest code; and
//! engine limits can be neither caught by guests nor used to crash the host process. Every test
//! also checks that the start compartment and a bystander compartment are unchanged.

use std::{process::Command, time::Duration};

use boa_engine::{
    Context, JsError, JsNativeError, JsObject, JsResult, JsValue, NativeFunction, js_string,
    object::{
        FunctionObjectBuilder, ObjectInitializer,
        builtins::{
            JsArray, JsArrayBuffer, JsDate, JsMap, JsPromise, JsRegExp, JsSet, JsUint8Array,
        },
    },
    property::Attribute,
};
use hardened::{
    Compartment, CompartmentOptions, Engine, Error, Limits, LockdownOptions, ModuleDescriptor,
    lockdown::ErrorTaming,
};

/// Snapshots the start compartment's global, key shared intrinsics and the bystander's global
/// (own keys and every descriptor field, compared with `Object.is`).
const SNAPSHOT: &str = r"(bystanderGlobal) => {
  const roots = [globalThis, bystanderGlobal, Object, Object.prototype, Function.prototype,
    Array.prototype, Error.prototype, TypeError.prototype, RangeError.prototype, Promise.prototype,
    Map.prototype, Date.prototype, RegExp.prototype, Compartment.prototype];
  const entries = [];
  roots.forEach((object, index) => {
    entries.push([`${index} frozen`, Object.isFrozen(object)], [`${index} proto`, Object.getPrototypeOf(object)]);
    for (const key of Reflect.ownKeys(object)) {
      const d = Reflect.getOwnPropertyDescriptor(object, key);
      for (const f of ['value', 'get', 'set', 'writable', 'enumerable', 'configurable']) entries.push([`${index}.${String(key)}.${f}`, d[f]]);
    }
  });
  return entries;
}";

/// The label of the first entry that differs between two snapshots, or `''`.
const DIFFERENCE: &str = r"(before, after) => {
  for (let i = 0; i < Math.max(before.length, after.length); i += 1) {
    const [was, is] = [before[i] || ['(none)'], after[i] || ['(none)']];
    if (was[0] !== is[0] || !Object.is(was[1], is[1])) return `${was[0]} / ${is[0]}`;
  }
  return '';
}";

/// A locked-down engine with a bystander compartment and a snapshot of everything the attack
/// must leave alone.
struct World {
    engine: Engine,
    bystander: Compartment,
    snapshot: JsObject,
    difference: JsObject,
    before: JsValue,
}

impl World {
    fn new() -> Self {
        Self::with_options(LockdownOptions::default())
    }

    fn with_options(options: LockdownOptions) -> Self {
        let mut engine = Engine::new().unwrap();
        engine.lockdown(options).unwrap();
        let bystander = engine
            .new_compartment(
                CompartmentOptions::new()
                    .name("bystander")
                    .global("token", 7),
            )
            .unwrap();
        let start = engine.start_compartment().clone();
        let snapshot = function(engine.evaluate_value(&start, SNAPSHOT).unwrap());
        let difference = function(engine.evaluate_value(&start, DIFFERENCE).unwrap());
        let mut world = Self {
            engine,
            bystander,
            snapshot,
            difference,
            before: JsValue::undefined(),
        };
        world.before = world.take_snapshot();
        world
    }

    fn take_snapshot(&mut self) -> JsValue {
        let global = JsValue::from(self.bystander.global_object());
        self.snapshot
            .call(&JsValue::undefined(), &[global], self.engine.raw_context())
            .unwrap()
    }

    /// Fails if the start compartment, the shared intrinsics or the bystander changed, or if
    /// the bystander no longer behaves.
    fn assert_unchanged(&mut self) {
        let after = self.take_snapshot();
        let before = self.before.clone();
        let difference = self
            .difference
            .call(
                &JsValue::undefined(),
                &[before, after],
                self.engine.raw_context(),
            )
            .unwrap();
        assert_eq!(
            difference.as_string().unwrap().to_std_string_escaped(),
            "",
            "the attack changed the start compartment, an intrinsic or the bystander"
        );
        let bystander = self.bystander.clone();
        let behaviour: String = self
            .engine
            .evaluate(
                &bystander,
                "[token, [1, 2].map(x => x * 2).join(), String({}), typeof Function('return 1'), Object.keys(globalThis).join()].join('|')",
            )
            .unwrap();
        assert_eq!(behaviour, "7|2,4|[object Object]|function|token");
    }

    fn compartment(&mut self, options: CompartmentOptions) -> Compartment {
        self.engine
            .new_compartment(options.name("attacker"))
            .unwrap()
    }
}

fn function(value: JsValue) -> JsObject {
    value.as_callable().expect("a function")
}

/// The errors the endowments `fail0`..`fail9` throw, with the shared constructor a guest must
/// see and the message it must read.
fn host_error(index: usize) -> JsError {
    match index {
        0 => JsNativeError::error().with_message("host error").into(),
        1 => JsNativeError::typ().with_message("host type error").into(),
        2 => JsNativeError::range()
            .with_message("host range error")
            .into(),
        3 => JsNativeError::reference()
            .with_message("host reference error")
            .into(),
        4 => JsNativeError::syntax()
            .with_message("host syntax error")
            .into(),
        5 => JsNativeError::eval().with_message("host eval error").into(),
        6 => JsNativeError::uri().with_message("host uri error").into(),
        7 => JsNativeError::aggregate(vec![JsNativeError::typ().with_message("inner").into()])
            .with_message("host aggregate error")
            .into(),
        8 => JsNativeError::range()
            .with_message("host error with cause")
            .with_cause(JsNativeError::syntax().with_message("the cause"))
            .into(),
        // A Rust error converted the documented way: its Display text becomes the message.
        _ => JsError::from_rust(std::io::Error::other("host io error")),
    }
}

const EXPECTED_ERRORS: &str = r"[
  ['fail0', Error, 'host error'],
  ['fail1', TypeError, 'host type error'],
  ['fail2', RangeError, 'host range error'],
  ['fail3', ReferenceError, 'host reference error'],
  ['fail4', SyntaxError, 'host syntax error'],
  ['fail5', EvalError, 'host eval error'],
  ['fail6', URIError, 'host uri error'],
  ['fail7', AggregateError, 'host aggregate error'],
  ['fail8', RangeError, 'host error with cause'],
  ['fail9', Error, 'host io error'],
]";

/// Checks, inside the guest, every error one call produces; returns the problems found.
const CHECK_ERROR: &str = r"
  const problems = [];
  const shared = [Error, TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError, AggregateError];
  const checkError = (label, error, Expected, message) => {
    if (!(error instanceof Expected)) problems.push(`${label}: not an instance of the shared ${Expected.name}`);
    if (Object.getPrototypeOf(error) !== Expected.prototype) problems.push(`${label}: prototype is not ${Expected.name}.prototype`);
    if (!Object.isFrozen(Expected.prototype) || !Object.isFrozen(Error.prototype)) problems.push(`${label}: prototype not frozen`);
    if (error.constructor !== Expected) problems.push(`${label}: constructor`);
    try { error.constructor.constructor('return globalThis')(); problems.push(`${label}: e.constructor.constructor works`); }
    catch (e) { if (!(e instanceof TypeError)) problems.push(`${label}: inert constructor threw ${e}`); }
    if (message !== undefined && error.message !== message) problems.push(`${label}: message ${error.message}`);
    if (error.stack !== String(error)) problems.push(`${label}: stack shows more than the error: ${error.stack}`);
    if (/\.rs\b|src\/|crates\/|boa_|\bat\b|panicked|native_function/.test(`${error.stack} ${error.message}`)) problems.push(`${label}: host details: ${error.stack}`);
    const keys = Reflect.ownKeys(error).map(String).sort().join();
    if (!['message', 'cause,message', 'errors,message'].includes(keys)) problems.push(`${label}: own keys ${keys}`);
    if (error.cause !== undefined) checkError(`${label}.cause`, error.cause, SyntaxError, 'the cause');
    if (error.errors !== undefined) {
      if (Object.getPrototypeOf(error.errors) !== Array.prototype) problems.push(`${label}: errors array`);
      error.errors.forEach((inner, i) => checkError(`${label}.errors[${i}]`, inner, TypeError, 'inner'));
    }
  };
";

fn failing_endowments(mut options: CompartmentOptions) -> CompartmentOptions {
    for index in 0..10 {
        options = options.function(
            format!("fail{index}"),
            0,
            NativeFunction::from_copy_closure(move |_, _, _| Err(host_error(index))),
        );
    }
    options
}

#[test]
fn native_errors_reach_guests_as_shared_frozen_errors() {
    let mut world = World::new();
    let attacker = world.compartment(failing_endowments(CompartmentOptions::new()));
    let problems: String = world
        .engine
        .evaluate(
            &attacker,
            &format!(
                "{CHECK_ERROR}
                for (const [name, Expected, message] of {EXPECTED_ERRORS}) {{
                  const calls = {{
                    direct: () => globalThis[name](),
                    reflect: () => Reflect.apply(globalThis[name], undefined, []),
                    callback: () => [1].forEach(globalThis[name]),
                    bound: () => globalThis[name].bind(null)(),
                  }};
                  for (const [how, call] of Object.entries(calls)) {{
                    let error;
                    try {{ call(); problems.push(`${{name}} ${{how}}: nothing thrown`); continue; }} catch (e) {{ error = e; }}
                    checkError(`${{name}} ${{how}}`, error, Expected, message);
                  }}
                  // A native endowment is no constructor and leads to no evaluator.
                  if (Object.getPrototypeOf(globalThis[name]) !== Function.prototype) problems.push(`${{name}}: function prototype`);
                  try {{ new globalThis[name](); problems.push(`${{name}}: constructible`); }} catch (e) {{ checkError(`new ${{name}}`, e, TypeError); }}
                }}
                problems.join('\\n');"
            ),
        )
        .unwrap();
    assert_eq!(problems, "");
    world.assert_unchanged();
}

#[test]
fn native_errors_reject_guest_promises_as_shared_frozen_errors() {
    let mut world = World::new();
    let attacker = world.compartment(failing_endowments(CompartmentOptions::new()));
    world
        .engine
        .evaluate_value(
            &attacker,
            &format!(
                "{CHECK_ERROR}
                globalThis.report = 'pending';
                const expected = {EXPECTED_ERRORS};
                Promise.allSettled(expected.map(([name]) => Promise.resolve().then(globalThis[name]))).then(results => {{
                  results.forEach((result, i) => {{
                    const [name, Expected, message] = expected[i];
                    if (result.status !== 'rejected') problems.push(`${{name}}: not rejected`);
                    else checkError(`${{name}} as a reaction`, result.reason, Expected, message);
                  }});
                  globalThis.report = problems.join('\\n');
                }});"
            ),
        )
        .unwrap();
    world.engine.run_jobs().unwrap();
    let report: String = world.engine.evaluate(&attacker, "report").unwrap();
    assert_eq!(report, "");
    world.assert_unchanged();
}

#[test]
fn native_errors_under_unsafe_error_taming_show_no_rust_details() {
    let mut world = World::with_options(LockdownOptions {
        error_taming: ErrorTaming::Unsafe,
        ..LockdownOptions::default()
    });
    let attacker = world.compartment(failing_endowments(CompartmentOptions::new()));
    // Frames are shown by design under 'unsafe'; they are guest frames, never Rust ones.
    let stacks: String = world
        .engine
        .evaluate(
            &attacker,
            "const stacks = [];
            for (let i = 0; i < 10; i += 1) {
              try { (function guestFrame() { globalThis['fail' + i](); })(); } catch (e) { stacks.push(String(e.stack)); }
            }
            stacks.join('\\n---\\n');",
        )
        .unwrap();
    assert_eq!(stacks.matches("\n---\n").count(), 9, "{stacks}");
    for leak in [
        ".rs",
        "src/",
        "crates/",
        "boa_",
        "native_function",
        "panicked",
        "/work",
        "/root",
    ] {
        assert!(!stacks.contains(leak), "a stack shows {leak:?}:\n{stacks}");
    }
    world.assert_unchanged();
}

/// The objects the endowments `make0`..`make12` return.
fn host_object(index: usize, context: &mut Context) -> JsResult<JsValue> {
    Ok(match index {
        0 => {
            let object = JsObject::with_object_proto(context.intrinsics());
            object.set(js_string!("a"), 1, true, context)?;
            object.into()
        }
        1 => JsArray::from_iter([JsValue::from(1), JsValue::from(2)], context).into(),
        2 => ObjectInitializer::new(context)
            .property(js_string!("a"), 1, Attribute::all())
            .function(
                NativeFunction::from_fn_ptr(|_, _, _| Ok(JsValue::from(1))),
                js_string!("method"),
                0,
            )
            .build()
            .into(),
        3 => JsPromise::resolve(1, context)?.into(),
        4 => JsMap::new(context).into(),
        5 => JsSet::new(context).into(),
        6 => JsDate::new(context).into(),
        7 => JsRegExp::new(js_string!("x"), js_string!("g"), context)?.into(),
        8 => JsUint8Array::from_iter([1u8, 2], context)?.into(),
        9 => JsArrayBuffer::new(8, context)?.into(),
        10 => JsNativeError::typ()
            .with_message("returned, not thrown")
            .into_opaque(context)
            .into(),
        11 => FunctionObjectBuilder::new(
            context.realm(),
            NativeFunction::from_fn_ptr(|_, _, _| Ok(JsValue::from(1))),
        )
        .name(js_string!("made"))
        .build()
        .into(),
        _ => JsObject::with_null_proto().into(),
    })
}

#[test]
fn endowment_return_values_inherit_shared_frozen_intrinsics() {
    let mut world = World::new();
    let mut options = CompartmentOptions::new();
    for index in 0..13 {
        options = options.function(
            format!("make{index}"),
            0,
            NativeFunction::from_copy_closure(move |_, _, context| host_object(index, context)),
        );
    }
    let attacker = world.compartment(options);
    let problems: String = world
        .engine
        .evaluate(
            &attacker,
            "const problems = [];
            const expected = [Object.prototype, Array.prototype, Object.prototype, Promise.prototype, Map.prototype,
              Set.prototype, Date.prototype, RegExp.prototype, Uint8Array.prototype, ArrayBuffer.prototype,
              TypeError.prototype, Function.prototype, null];
            expected.forEach((proto, i) => {
              const value = globalThis['make' + i]();
              if (Object.getPrototypeOf(value) !== proto) problems.push(`make${i}: prototype`);
              if (proto === null) return;
              if (!Object.isFrozen(proto)) problems.push(`make${i}: prototype not frozen`);
              try { value.constructor.constructor('return globalThis')(); problems.push(`make${i}: constructor.constructor works`); }
              catch (e) { if (!(e instanceof TypeError)) problems.push(`make${i}: ${e}`); }
              try { proto.poisoned = i; problems.push(`make${i}: prototype poisoned`); } catch (e) {}
              try { Object.defineProperty(proto, 'constructor', { value: null }); problems.push(`make${i}: constructor replaced`); } catch (e) {}
            });
            // A host-made date leads only to %SharedDate%, whose clock is tamed.
            for (const f of [d => d.constructor.now(), d => new d.constructor(), d => d.constructor()]) {
              try { f(make6()); problems.push('a date reached a clock'); } catch (e) {}
            }
            // Host-made methods and functions are inert in the same way.
            try { make2().method.constructor('return 1'); problems.push('method constructor'); } catch (e) {}
            try { make11().constructor('return 1'); problems.push('function constructor'); } catch (e) {}
            problems.join('\\n');",
        )
        .unwrap();
    assert_eq!(problems, "");
    world.assert_unchanged();
}

#[test]
fn thrown_values_reach_the_host_without_running_guest_code() {
    let mut world = World::new();
    let attacker = world.compartment(CompartmentOptions::new());
    world
        .engine
        .evaluate_value(&attacker, "globalThis.ran = [];")
        .unwrap();
    let hostile = [
        // A proxy whose every trap records that it ran (vm2 CVE-2023-30547 ran getPrototypeOf).
        "const trap = name => (...args) => { ran.push(name); return Reflect[name](...args); };
         throw new Proxy(new TypeError('bait'), { get: trap('get'), getPrototypeOf: trap('getPrototypeOf'),
           has: trap('has'), getOwnPropertyDescriptor: trap('getOwnPropertyDescriptor'), ownKeys: trap('ownKeys') });",
        // Accessors on the error and its prototype chain.
        "class Hostile extends Error {
           get name() { ran.push('name'); return 'Hostile'; }
           get message() { ran.push('message'); return 'm'; }
           get stack() { ran.push('stack'); return 's'; }
         }
         throw new Hostile();",
        "throw { get name() { ran.push('name'); }, get message() { ran.push('message'); }, toString() { ran.push('toString'); } };",
        "const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); throw proxy;",
    ];
    for source in hostile {
        let error = world.engine.evaluate_value(&attacker, source).unwrap_err();
        assert!(matches!(error, Error::Thrown(_)), "{error:?}");
        // Rendering the error for the host runs nothing either.
        let _ = format!("{error} {error:?}");
    }
    let thrown = world
        .engine
        .evaluate_value(
            &attacker,
            "new Proxy({}, { getPrototypeOf() { ran.push('from_value'); return null; } })",
        )
        .unwrap();
    let _ = format!("{}", Error::from_value(&thrown));
    let ran: String = world.engine.evaluate(&attacker, "ran.join()").unwrap();
    assert_eq!(
        ran, "",
        "guest code ran while the host described a thrown value"
    );
    world.assert_unchanged();
}

/// Runs `body` on a thread with a large stack, as docs/architecture.md asks of embedders.
fn on_big_stack(body: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(body)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn stack_exhaustion_is_uncatchable_and_leaves_everything_intact() {
    on_big_stack(|| {
        let mut world = World::new();
        let attacker = world.compartment(CompartmentOptions::new());
        // The original proofs of concept of vm2 CVE-2023-29199, CVE-2023-30547 and
        // CVE-2023-37466, with `process` replaced by `globalThis`.
        let proofs = [
            "function stack() { new Error().stack; stack(); }
             try { stack(); } catch (a$tmpname) {
               globalThis.caught = true;
               a$tmpname.constructor.constructor('return globalThis')();
             }",
            "const err = {};
             const handler = { getPrototypeOf(target) { (function stack() { new Error().stack; stack(); })(); } };
             const proxiedErr = new Proxy(err, handler);
             try { throw proxiedErr; } catch ({ constructor: c }) {
               globalThis.caught = true;
               c.constructor('return globalThis')();
             }",
            "async function fn() { (function stack() { new Error().stack; stack(); })(); }
             const p = fn();
             p.constructor = { [Symbol.species]: class FakePromise {
               constructor(executor) { executor(x => x, err => { globalThis.caught = true; err.constructor.constructor('return globalThis')(); }); }
             } };
             p.then();",
        ];
        for (index, proof) in proofs.into_iter().enumerate() {
            world
                .engine
                .evaluate_value(&attacker, "globalThis.caught = false;")
                .unwrap();
            let outcome = world.engine.evaluate_value(&attacker, proof);
            let jobs = world.engine.run_jobs();
            match (index, &outcome) {
                // Exhausting the stack is an engine limit no guest catch clause sees.
                (0 | 2, Err(Error::Limit(_) | Error::Engine(_))) => {
                    let caught: bool = world.engine.evaluate(&attacker, "caught").unwrap();
                    assert!(
                        !caught,
                        "proof {index}: a guest handler saw the stack exhaustion"
                    );
                }
                // Nothing in the engine inspects a thrown proxy, so its trap never runs; the
                // guest's catch clause reaches only the inert constructor.
                (1, Err(Error::Thrown(thrown))) => assert_eq!(thrown.name, "TypeError"),
                _ => panic!("proof {index}: unexpected outcome {outcome:?}"),
            }
            assert!(jobs.is_ok(), "proof {index}: jobs failed: {jobs:?}");
            assert_eq!(world.engine.evaluate::<i32>(&attacker, "1 + 1").unwrap(), 2);
        }
        world.assert_unchanged();
    });
}

#[test]
fn a_panic_inside_the_engine_is_contained_and_poisons_it() {
    let mut engine = Engine::new().unwrap();
    engine.lockdown(LockdownOptions::default()).unwrap();
    // A native function built with Boa's own API (not endowed through
    // `CompartmentOptions::function`) that panics stands for any Boa bug that guest input
    // reaches.
    let crash = FunctionObjectBuilder::new(
        engine.raw_context().realm(),
        NativeFunction::from_fn_ptr(|_, _, _| panic!("simulated engine bug")),
    )
    .build();
    let guest = engine
        .new_compartment(CompartmentOptions::new().global("crash", crash))
        .unwrap();
    let outcome =
        engine.evaluate::<String>(&guest, "try { crash(); 'caught' } finally { 'finally' }");
    assert!(
        matches!(&outcome, Err(Error::Unusable(message)) if message == "simulated engine bug"),
        "{outcome:?}"
    );
    assert!(!engine.is_usable());
    // Every later call is refused rather than run on a possibly inconsistent engine.
    assert!(matches!(
        engine.evaluate::<i32>(&guest, "1"),
        Err(Error::Unusable(_))
    ));
    assert!(matches!(
        engine.new_compartment(CompartmentOptions::new()),
        Err(Error::Unusable(_))
    ));
    assert!(matches!(engine.run_jobs(), Err(Error::Unusable(_))));
    // Other engines are unaffected.
    let mut other = Engine::new().unwrap();
    let start = other.start_compartment().clone();
    assert_eq!(other.evaluate::<i32>(&start, "6 * 7").unwrap(), 42);
}

/// The payload of the panic `call` raised, as text.
fn panic_of(call: impl FnOnce()) -> String {
    let payload = std::panic::catch_unwind(std::panic::AssertUnwindSafe(call))
        .expect_err("the host's panic reaches the host");
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// A panic in the host's own endowment or module hook is the host's: it reaches the host with
/// its payload, no guest code catches it or runs after it, and the engine stays usable.
#[test]
fn a_panic_in_host_code_reaches_the_host_and_spares_the_engine() {
    let mut world = World::new();
    let attacker = world.compartment(
        CompartmentOptions::new()
            .function(
                "fail",
                0,
                NativeFunction::from_fn_ptr(|_, _, _| panic!("host bug")),
            )
            .module("main", ModuleDescriptor::source("import './dep';"))
            .resolve_hook(|_, _, _| panic!("resolve bug"))
            .import_hook(|_, _| panic!("import bug")),
    );
    let sources = [
        "try { fail() } catch { globalThis.caught = true } finally { globalThis.caught = true }",
        "Promise.resolve().then(() => fail()).catch(() => { globalThis.caught = true })",
        "(async () => { try { await 0; fail() } catch { globalThis.caught = true } })()",
        "[1, 2].map(() => { try { fail() } catch {} globalThis.caught = true })",
    ];
    for source in sources {
        let message = panic_of(|| {
            let _ = world.engine.evaluate_value(&attacker, source);
            let _ = world.engine.run_jobs();
        });
        assert_eq!(message, "host bug", "{source}");
        assert!(world.engine.is_usable());
        assert_eq!(
            world
                .engine
                .evaluate::<String>(&attacker, "typeof caught")
                .unwrap(),
            "undefined",
            "guest code ran after the host panicked: {source}"
        );
    }
    for (specifier, bug) in [("main", "resolve bug"), ("missing", "import bug")] {
        let message = panic_of(|| {
            let _ = world.engine.import(&attacker, specifier);
        });
        assert_eq!(message, bug);
    }
    assert_eq!(world.engine.evaluate::<i32>(&attacker, "1 + 1").unwrap(), 2);
    world.assert_unchanged();
}

/// Set in a child process: the guest source this test binary should run instead of its tests.
const CHILD_SOURCE: &str = "HOST_BOUNDARY_CHILD_SOURCE";

/// One-line guest requests for more memory than exists, each with how it must end: a
/// `RangeError` the guest can catch, or the engine's timeout for a request that is merely long
/// (a sort of 2 ** 45 claimed holes). Either way the process survives and the engine works.
/// Each runs in a child process, so that a regression aborts the child, not the test run.
const ALLOCATION_REQUESTS: [(&str, &str); 15] = [
    ("'x'.repeat(2 ** 31)", "RangeError"),
    ("''.repeat(2 ** 40) + 'x'.repeat(2 ** 29)", "RangeError"),
    ("'x'.padStart(2 ** 40)", "RangeError"),
    ("'x'.padEnd(2 ** 31, 'ab')", "RangeError"),
    (
        "Array.prototype.join.call({ length: 2 ** 45 })",
        "RangeError",
    ),
    ("Array.prototype.sort.call({ length: 2 ** 45 })", "Timeout"),
    (
        "Array.prototype.toSorted.call({ length: 2 ** 32 - 1 })",
        "Timeout",
    ),
    (
        "JSON.stringify(new Proxy([], { get: (t, k) => k === 'length' ? 2 ** 45 : undefined }))",
        "RangeError",
    ),
    ("JSON.stringify(Array(2 ** 32 - 1))", "RangeError"),
    (
        "Reflect.apply(Math.max, null, { length: 2 ** 45 })",
        "RangeError",
    ),
    (
        "Reflect.construct(Array, { length: 2 ** 45 })",
        "RangeError",
    ),
    ("Math.max.apply(null, { length: 2 ** 45 })", "RangeError"),
    (
        "Reflect.ownKeys(new Proxy({}, { ownKeys: () => ({ length: 2 ** 45 }) }))",
        "RangeError",
    ),
    (
        "harden(new Proxy({}, { ownKeys: () => ({ length: 2 ** 45 }) }))",
        "RangeError",
    ),
    (
        "Object.keys(Proxy.revocable({}, { ownKeys: () => Array(2 ** 32 - 1) }).proxy)",
        "RangeError",
    ),
];

#[test]
fn guest_allocation_requests_cannot_abort_the_process() {
    if let Ok(source) = std::env::var(CHILD_SOURCE) {
        // Child mode: run the one guest request and report how it ended.
        let mut world = World::new();
        world
            .engine
            .set_limits(Limits::new().timeout(Duration::from_secs(2)));
        let attacker = world.compartment(CompartmentOptions::new());
        let outcome = match world.engine.evaluate::<String>(
            &attacker,
            &format!("try {{ {source}; 'completed'; }} catch (e) {{ e.constructor.name; }}"),
        ) {
            Ok(name) => name,
            Err(Error::Limit(limit)) => format!("{limit:?}"),
            Err(other) => panic!("unexpected outcome: {other:?}"),
        };
        assert_eq!(world.engine.evaluate::<i32>(&attacker, "1 + 1").unwrap(), 2);
        world.assert_unchanged();
        println!("guest outcome: {outcome}");
        return;
    }
    let exe = std::env::current_exe().unwrap();
    let mut failures = Vec::new();
    for (source, expected) in ALLOCATION_REQUESTS {
        let child = Command::new(&exe)
            .args([
                "guest_allocation_requests_cannot_abort_the_process",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_SOURCE, source)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&child.stdout);
        if !(child.status.success() && stdout.contains(&format!("guest outcome: {expected}\n"))) {
            let stderr = String::from_utf8_lossy(&child.stderr);
            let last = stdout
                .lines()
                .chain(stderr.lines())
                .rfind(|line| !line.is_empty())
                .unwrap_or("")
                .to_owned();
            failures.push(format!(
                "{source}: {} (expected {expected}) {last}",
                child.status
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "guest requests for huge allocations did not end as expected:\n{}",
        failures.join("\n")
    );
}

/// Guest values whose claimed `length` would make a host conversion reserve memory or loop for
/// ever if believed: every one must be a clean error (or a short list), never an abort.
const HOSTILE_LISTS: &[&str] = &[
    "({ length: 2 ** 45 })",
    "({ length: 2 ** 32 - 1 })",
    "new Proxy([], { get: (t, k) => (k === 'length' ? 2 ** 53 - 1 : undefined) })",
    // A `length` getter that answers small, then huge: a check before Boa's conversion would
    // pass it.
    "(() => { let n = 0; return { get length() { n += 1; return n === 1 ? 1 : 2 ** 45; }, 0: 7 }; })()",
];

#[test]
fn host_conversions_do_not_believe_a_claimed_length() {
    let mut world = World::new();
    world
        .engine
        .set_limits(Limits::new().timeout(Duration::from_secs(5)));
    let attacker = world.compartment(CompartmentOptions::new());
    for source in HOSTILE_LISTS {
        match world.engine.evaluate::<Vec<i32>>(&attacker, source) {
            Err(Error::Conversion(message)) => {
                assert!(message.contains("elements"), "{source}: {message}");
            }
            // The flip-flopping getter is read once, so the list has its one element.
            Ok(list) => assert_eq!(list, [7], "{source}"),
            Err(other) => panic!("{source}: unexpected {other:?}"),
        }
        let namespace = world
            .engine
            .evaluate_value(&attacker, &format!("({{ list: {source} }})"))
            .unwrap();
        let namespace = namespace.as_object().unwrap();
        assert!(
            world
                .engine
                .get::<Vec<Option<String>>>(&namespace, "list")
                .is_err_and(|error| matches!(error, Error::Conversion(_)))
                || source.contains("get length"),
            "{source}"
        );
    }
    let nested: Vec<Vec<Option<i32>>> = world
        .engine
        .evaluate(&attacker, "[[1, undefined], [], [3]]")
        .unwrap();
    assert_eq!(nested, [vec![Some(1), None], vec![], vec![Some(3)]]);
    assert_eq!(world.engine.evaluate::<i32>(&attacker, "1 + 1").unwrap(), 2);
    world.assert_unchanged();
}

/// A compartment runs only with its own engine: another engine would run it over its own
/// intrinsics (unlocked ones included) and break it. Every way a compartment of engine A reaches
/// engine B, a Rust handle, a module-map alias or the JavaScript instance, is refused, and
/// neither engine changes.
#[test]
fn compartments_of_another_engine_are_refused() {
    let mut world = World::new();
    let foreign = world.compartment(
        CompartmentOptions::new().module("lib", ModuleDescriptor::source("export const x = 1;")),
    );
    let mut other = Engine::new().unwrap();
    let wrong = |result: Result<(), Error>, what: &str| {
        assert!(
            matches!(&result, Err(Error::WrongEngine(name)) if name == "the compartment \"attacker\""),
            "{what}: {result:?}"
        );
    };
    wrong(
        other.evaluate::<()>(&foreign, "Object.prototype.polluted = 1"),
        "evaluate",
    );
    wrong(
        other.evaluate_value(&foreign, "1").map(drop),
        "evaluate_value",
    );
    wrong(other.import(&foreign, "lib").map(drop), "import");
    wrong(other.import_now(&foreign, "lib").map(drop), "import_now");
    wrong(
        other
            .evaluate_module(&foreign, "main", "export default 1;")
            .map(drop),
        "evaluate_module",
    );
    let alias = || {
        CompartmentOptions::new().module(
            "lib",
            ModuleDescriptor::Alias {
                specifier: "lib".into(),
                compartment: foreign.clone(),
            },
        )
    };
    wrong(
        other.new_compartment(alias()).map(drop),
        "an alias in new_compartment",
    );
    wrong(
        Engine::builder()
            .start_compartment(alias())
            .build()
            .map(drop),
        "an alias in a new engine's start compartment",
    );

    // Guest code of engine B handed A's instance cannot use it either. B's methods and module
    // descriptors take it for a non-compartment (a TypeError of B's); A's own methods refuse to
    // run in B, uncatchably (a catchable error would be made in A's realm).
    let instance = foreign.as_object().clone();
    let guest = other
        .new_compartment(CompartmentOptions::new().global("foreign", instance))
        .unwrap();
    let refusals: String = other
        .evaluate(
            &guest,
            "const tries = [
               () => Compartment.prototype.evaluate.call(foreign, 'Object.prototype.polluted = 1'),
               () => Reflect.getOwnPropertyDescriptor(Compartment.prototype, 'globalThis').get.call(foreign),
               () => Compartment.prototype.importNow.call(foreign, 'lib'),
               () => new Compartment({ __options__: true, modules: { lib: { namespace: 'lib', compartment: foreign } } }).importNow('lib'),
             ];
             tries.map((attempt) => { try { attempt(); return 'ran'; } catch (e) { return e.name; } }).join()",
        )
        .unwrap();
    assert_eq!(refusals, "TypeError,TypeError,TypeError,TypeError");
    let result = other.evaluate_value(
        &guest,
        "try { foreign.evaluate('Object.prototype.polluted = 1') } catch { 'caught' }",
    );
    assert!(matches!(&result, Err(Error::WrongEngine(_))), "{result:?}");
    assert_eq!(other.evaluate::<i32>(&guest, "1 + 1").unwrap(), 2);
    let start = other.start_compartment().clone();
    assert!(
        other
            .evaluate::<bool>(&start, "Object.prototype.polluted === undefined")
            .unwrap()
    );
    world.assert_unchanged();
    assert_eq!(world.engine.evaluate::<i32>(&foreign, "1 + 1").unwrap(), 2);
}
