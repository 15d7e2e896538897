//! Red-team probes for typed host functions (`host_fn`, `Caller`, `host_panic`), the per-engine
//! path tag (`location`), and the walk of `Engine::set`.
//!
//! Every probe asserts the correct behaviour. The seven that failed when they were written (a
//! Boa panic a closure catches, a later host panic taken for Boa's, an async native's panic in
//! `importNow`, `Vec<String>` copies, thrown `String` wrappers, repeated key listings, the
//! `Engine::set` walk over a `String` wrapper) pass since the fix. Probes that may abort the
//! process (allocation failure) run in a child process under `ulimit -v` and assert on its exit
//! status.

use std::{
    panic::{AssertUnwindSafe, catch_unwind},
    process::{Command, Output},
    time::{Duration, Instant},
};

use boa_engine::{Context, JsResult, JsValue, NativeFunction, object::FunctionObjectBuilder};
use hardened::{
    Caller, Compartment, CompartmentOptions, Engine, Error, HostError, LockdownOptions,
    ModuleDescriptor, lockdown::ErrorTaming,
};

mod support;
use support::{Outcome, engine, observe};

fn locked_with(options: impl FnOnce(&mut Engine) -> CompartmentOptions) -> (Engine, Compartment) {
    let mut engine = engine();
    engine.lockdown(LockdownOptions::default()).unwrap();
    let options = options(&mut engine);
    let guest = engine.new_compartment(options).unwrap();
    engine.run_script(&guest, "globalThis.log = [];").unwrap();
    (engine, guest)
}

/// A raw native that panics: stands for a Boa bug that guest input reaches.
fn crash(engine: &mut Engine) -> boa_engine::JsObject {
    FunctionObjectBuilder::new(
        engine.raw_context().realm(),
        NativeFunction::from_fn_ptr(|_, _, _| panic!("simulated engine bug")),
    )
    .build()
    .into()
}

fn log(engine: &mut Engine, guest: &Compartment) -> String {
    engine
        .evaluate::<String>(guest, "log.join(',')")
        .unwrap_or_else(|e| format!("<{e}>"))
}

/// Runs test `name` again in a child process under `ulimit -v` (KiB) and a wall-clock bound;
/// `None` when this is that child.
fn in_child(name: &str, vmem_kib: u64, seconds: u64) -> Option<(Output, Duration)> {
    if std::env::var("RT_HOSTFN_CHILD").as_deref() == Ok(name) {
        return None;
    }
    let exe = std::env::current_exe().unwrap();
    let started = Instant::now();
    let output = Command::new("sh")
        .args([
            "-c",
            &format!("ulimit -v {vmem_kib}; exec timeout -s KILL {seconds} \"$0\" \"$@\""),
            exe.to_str().unwrap(),
            name,
            "--exact",
            "--nocapture",
            "--include-ignored",
            "--test-threads=1",
        ])
        .env("RT_HOSTFN_CHILD", name)
        .output()
        .unwrap();
    Some((output, started.elapsed()))
}

fn report(name: &str, output: &Output, elapsed: Duration) -> String {
    format!(
        "{name}: status={:?} elapsed={elapsed:?}\nstdout: {}\nstderr: {}",
        output.status,
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter(|l| l.starts_with("CHILD"))
            .collect::<Vec<_>>()
            .join("\n"),
        String::from_utf8_lossy(&output.stderr)
            .chars()
            .rev()
            .take(1500)
            .collect::<String>()
            .chars()
            .rev()
            .collect::<String>()
    )
}

// ---------------------------------------------------------------------------------------------
// (a) The `Send` bound: which of Boa's types are `Send`.
// ---------------------------------------------------------------------------------------------

/// Autoref specialisation: `Probe::<T>::new().is_send()` is true exactly when `T: Send`.
struct Probe<T>(std::marker::PhantomData<T>);
trait SendYes {
    fn is_send(&self) -> bool {
        true
    }
}
trait SendNo {
    fn is_send(&self) -> bool {
        false
    }
}
impl<T: Send> SendYes for Probe<T> {}
impl<T> SendNo for &Probe<T> {}
macro_rules! send {
    ($t:ty) => {
        (&Probe::<$t>(std::marker::PhantomData)).is_send()
    };
}

/// Every Boa type that holds a collected (`Gc`) pointer must not be `Send`, or a `Send` host
/// closure could keep it untraced in the function object.
#[test]
fn no_boa_handle_that_holds_a_gc_pointer_is_send() {
    use boa_engine::{
        JsBigInt, JsError, JsNativeError, JsObject, JsString, JsSymbol, Module, Script,
        object::builtins::{JsArray, JsFunction, JsPromise},
        property::PropertyKey,
        realm::Realm,
        value::JsVariant,
    };
    let table: Vec<(&str, bool, bool)> = vec![
        // (type, is Send, holds a Gc pointer)
        ("JsValue", send!(JsValue), true),
        ("JsObject", send!(JsObject), true),
        ("JsVariant", send!(JsVariant), true),
        ("JsError", send!(JsError), true),
        ("JsNativeError", send!(JsNativeError), true),
        ("JsArray", send!(JsArray), true),
        ("JsFunction", send!(JsFunction), true),
        ("JsPromise", send!(JsPromise), true),
        ("Module", send!(Module), true),
        ("Script", send!(Script), true),
        ("Realm", send!(Realm), true),
        ("boa_gc::Gc<i32>", send!(boa_gc::Gc<i32>), true),
        ("boa_gc::WeakGc<i32>", send!(boa_gc::WeakGc<i32>), true),
        (
            "boa_gc::GcRefCell<JsValue>",
            send!(boa_gc::GcRefCell<JsValue>),
            true,
        ),
        (
            "TypedFunction",
            send!(hardened::TypedFunction<(), ()>),
            true,
        ),
        ("Compartment", send!(Compartment), true),
        ("HostError", send!(HostError), true),
        ("ThrownError", send!(hardened::ThrownError), false),
        ("JsString", send!(JsString), false),
        ("JsSymbol", send!(JsSymbol), false),
        ("JsBigInt", send!(JsBigInt), false),
        ("PropertyKey", send!(PropertyKey), false),
    ];
    for (name, is_send, _) in &table {
        eprintln!("{name}: Send = {is_send}");
    }
    let offending: Vec<_> = table
        .iter()
        .filter(|(_, is_send, gc)| *is_send && *gc)
        .map(|(name, _, _)| *name)
        .collect();
    assert!(offending.is_empty(), "Send types holding Gc: {offending:?}");
}

// ---------------------------------------------------------------------------------------------
// (b) Panics: the host's raised, Boa's poisoning, no guest code after a kept one.
// ---------------------------------------------------------------------------------------------

/// A host function that catches the panic of the engine work it asked for (`Caller::call`) and
/// goes on: the panic was Boa's, so the engine must be poisoned all the same (Boa may be
/// inconsistent, and the host cannot un-poison it by catching).
#[test]
fn a_boa_panic_the_closure_catches_still_poisons() {
    let (mut engine, guest) = locked_with(|engine| {
        let crash = crash(engine);
        CompartmentOptions::new().global("crash", crash).host_fn(
            "swallow",
            |caller: &mut Caller<'_>, (f,): (JsValue,)| {
                let caught = catch_unwind(AssertUnwindSafe(|| caller.call(&f, &[])));
                Ok(caught.is_err())
            },
        )
    });
    let outcome = observe(|| engine.evaluate::<bool>(&guest, "swallow(crash)"));
    eprintln!("swallow(crash): {outcome:?} usable={}", engine.is_usable());
    assert!(
        !engine.is_usable(),
        "Boa panicked; the engine must refuse later calls"
    );
}

/// After such a swallowed Boa panic, the engine's "the panic unwinding now is Boa's" flag stays
/// set: the next host panic, in any later call, is taken for Boa's. The host must get its own
/// panic (or the engine must have been poisoned at the first one).
#[test]
fn a_later_host_panic_is_still_the_hosts() {
    let (mut engine, guest) = locked_with(|engine| {
        let crash = crash(engine);
        CompartmentOptions::new()
            .global("crash", crash)
            .host_fn("swallow", |caller: &mut Caller<'_>, (f,): (JsValue,)| {
                let caught = catch_unwind(AssertUnwindSafe(|| caller.call(&f, &[])));
                Ok(caught.is_err())
            })
            .host_fn(
                "fail",
                |_: &mut Caller<'_>, (): ()| -> Result<(), HostError> { panic!("host bug") },
            )
    });
    let first = observe(|| engine.evaluate::<bool>(&guest, "swallow(crash)"));
    if !engine.is_usable() {
        // Poisoned at once: the correct outcome, nothing more to check.
        return;
    }
    eprintln!("first: {first:?}");
    let second = observe(|| engine.evaluate_value(&guest, "fail()").map(drop));
    eprintln!("second: {second:?} usable={}", engine.is_usable());
    assert_eq!(second, Outcome::Panic("host bug".into()));
}

/// After a kept host panic, a host function that swallows the error its callback got and calls
/// more guest code (callbacks, conversions running getters) runs none of it.
#[test]
fn no_guest_code_runs_through_caller_after_a_kept_panic() {
    let (mut engine, guest) = locked_with(|_| {
        CompartmentOptions::new()
            .host_fn(
                "fail",
                |_: &mut Caller<'_>, (): ()| -> Result<(), HostError> { panic!("host bug") },
            )
            .host_fn(
                "twice",
                |caller: &mut Caller<'_>, (a, b, c): (JsValue, JsValue, JsValue)| {
                    let _ = caller.call(&a, &[]);
                    let _ = caller.call(&b, &[]);
                    let _ = caller.convert::<String>(&c);
                    let _ = caller.convert::<Vec<f64>>(&c);
                    let _ = caller.call(&b, &[]);
                    Ok(())
                },
            )
    });
    let outcome = observe(|| {
        engine
            .evaluate_value(
                &guest,
                "const L = log;
                 function* g() { L[L.length] = 'GEN'; }
                 const it = g();
                 const o = { toString() { L[L.length] = 'TOSTRING'; return 'x' },
                             get length() { L[L.length] = 'LENGTH'; return 1 } };
                 try { twice(() => fail(), it.next.bind(it), o) } catch { L[L.length] = 'CATCH' }
                 L[L.length] = 'AFTER';",
            )
            .map(drop)
    });
    let log = log(&mut engine, &guest);
    eprintln!("outcome {outcome:?} log={log:?}");
    assert_eq!(outcome, Outcome::Panic("host bug".into()));
    assert!(engine.is_usable());
    assert_eq!(log, "");
}

/// Nested host functions: the inner one panics, the outer one swallows the error and then
/// panics itself. The host gets the first (kept) payload; the engine may be poisoned or not,
/// but the host must not lose the first panic.
#[test]
fn nested_host_panics_raise_the_first() {
    let (mut engine, guest) = locked_with(|_| {
        CompartmentOptions::new()
            .host_fn(
                "fail",
                |_: &mut Caller<'_>, (): ()| -> Result<(), HostError> { panic!("host bug") },
            )
            .host_fn(
                "outer",
                |caller: &mut Caller<'_>, (f,): (JsValue,)| -> Result<(), HostError> {
                    let _ = caller.call(&f, &[]);
                    panic!("second host bug")
                },
            )
    });
    let outcome = observe(|| {
        engine
            .evaluate_value(&guest, "outer(() => fail())")
            .map(drop)
    });
    eprintln!("nested: {outcome:?} usable={}", engine.is_usable());
    assert_eq!(outcome, Outcome::Panic("host bug".into()));
}

/// An async native (`NativeFunction::from_async_fn`) whose future panics, called from an
/// `importNowHook`: `importNow` polls the captured job itself (`Jobs::drive_captured`), not
/// the job queue. The panic is the host's: raised to it, engine usable.
#[test]
fn an_async_native_panic_during_import_now_is_the_hosts() {
    async fn body(
        _: &JsValue,
        _: &[JsValue],
        _: &std::cell::RefCell<&mut Context>,
    ) -> JsResult<JsValue> {
        panic!("async host bug")
    }
    let (mut engine, guest) = locked_with(|_| {
        CompartmentOptions::new().function("asyncFail", 0, NativeFunction::from_async_fn(body))
    });
    let outcome = observe(|| {
        engine
            .evaluate_value(
                &guest,
                "const c = new Compartment({ importNowHook(s) { asyncFail(); throw new Error('no') } });
                 try { c.importNow('x') } catch (e) { log.push(String(e)) }",
            )
            .map(drop)
    });
    eprintln!(
        "importNow + async native: {outcome:?} usable={}",
        engine.is_usable()
    );
    assert_eq!(outcome, Outcome::Panic("async host bug".into()));
    assert!(engine.is_usable(), "a host panic poisoned the engine");
}

// ---------------------------------------------------------------------------------------------
// (c) The engine's tag never reaches a guest.
// ---------------------------------------------------------------------------------------------

/// Collects, in guest code, every string reachable (data properties only) from errors and
/// values Boa makes: stacks (through the getter and read directly), messages of syntax errors
/// from eval, Function, compartments and modules, `import.meta`, function sources; records
/// where a path mark (`\u2` or `\u1`) shows up.
const SCAN: &str = r#"
globalThis.found = [];
globalThis.scan = (v, where, depth = 0) => {
  if (typeof v === 'string') {
    if (v.includes('\u0002') || v.includes('\u0001')) found.push(where + ': ' + JSON.stringify(v).slice(0, 200));
    return;
  }
  if ((typeof v !== 'object' && typeof v !== 'function') || v === null || depth > 3) return;
  try {
    const stackGet = Object.getOwnPropertyDescriptor(Error.prototype, 'stack');
    if (stackGet && stackGet.get) scan(stackGet.get.call(v), where + '.<stack getter>', depth + 1);
  } catch {}
  try { scan(String(v), where + '.<String>', depth + 1) } catch {}
  for (const k of Reflect.ownKeys(v)) {
    const d = Reflect.getOwnPropertyDescriptor(v, k);
    if (d && 'value' in d) scan(d.value, where + '.' + String(k), depth + 1);
  }
};
globalThis.probe = (what, f) => {
  try { scan(f(), what) } catch (e) { scan(e, what + '!') ; try { scan(e.stack, what + '!.stack') } catch {} }
};
probe('control', () => ({ s: 'a\u0002b' }));
probe('new Error', () => new Error('x'));
probe('TypeError', () => null.x);
probe('eval syntax', () => (0, eval)('('));
probe('indirect eval syntax', () => (0, eval)('let let = 1'));
probe('Function syntax', () => Function('('));
probe('nested function stack', () => { function f() { return new Error('y') } return f() });
probe('fn source', () => (function named() { return 1 }).toString());
probe('class source', () => (class K { m() {} }).toString());
probe('compartment syntax', () => new Compartment().evaluate('('));
probe('compartment error', () => new Compartment().evaluate('null.x'));
probe('compartment missing module', () => new Compartment().importNow('nowhere'));
probe('aggregate', () => new AggregateError([new Error('a')]));
probe('captureStackTrace', () => { const o = {}; if (Error.captureStackTrace) Error.captureStackTrace(o); return o });
probe('error in getter', () => { const o = { get x() { return new Error('g') } }; return o.x });
probe('stack of error made by a native', () => { try { [].reduce(() => 0) } catch (e) { return e } });
probe('json', () => JSON.parse('{'));
probe('deep', () => { function r(n) { return n ? r(n - 1) : new Error('d') } return r(50) });
import('bad').catch(e => probe('bad module', () => { throw e }));
import('thrower').catch(e => probe('thrower module', () => { throw e }));
import('meta').then(ns => probe('import.meta', () => ns.meta), e => probe('meta!', () => { throw e }));
import('missing/../x\n').catch(e => probe('missing module', () => { throw e }));
"#;

fn scan_options() -> CompartmentOptions {
    CompartmentOptions::new()
        .resolve_hook(|_, specifier, _| Ok(specifier.to_owned()))
        .module("bad", ModuleDescriptor::source("export const = ;"))
        .module(
            "thrower",
            ModuleDescriptor::source("function f() { throw new Error('m') } f();"),
        )
        .module(
            "meta",
            ModuleDescriptor::source(
                "export const meta = import.meta; export const e = new Error('e');",
            ),
        )
}

fn scan(engine: &mut Engine, guest: &Compartment) -> String {
    engine.run_script(guest, SCAN).unwrap();
    engine.run_jobs().unwrap();
    let found = engine
        .evaluate::<String>(guest, "found.join('\\n')")
        .unwrap();
    // The control (a guest string holding the mark) is found: the scan works.
    let rest: Vec<&str> = found
        .lines()
        .filter(|l| !l.starts_with("control"))
        .collect();
    assert!(
        found.lines().count() > rest.len(),
        "the scan found no control: {found}"
    );
    rest.join("\n")
}

#[test]
fn guests_never_see_the_tag() {
    let mut leaks = Vec::new();
    // The start compartment before lockdown.
    {
        let mut engine = engine();
        let start = engine.start_compartment().clone();
        let found = scan(&mut engine, &start);
        if !found.is_empty() {
            leaks.push(format!("start before lockdown:\n{found}"));
        }
        let guest = engine.new_compartment(scan_options()).unwrap();
        let found = scan(&mut engine, &guest);
        if !found.is_empty() {
            leaks.push(format!("compartment before lockdown:\n{found}"));
        }
    }
    for taming in [
        ErrorTaming::Safe,
        ErrorTaming::Unsafe,
        ErrorTaming::UnsafeDebug,
    ] {
        let mut engine = engine();
        engine
            .lockdown(LockdownOptions {
                error_taming: taming,
                ..LockdownOptions::default()
            })
            .unwrap();
        let guest = engine.new_compartment(scan_options()).unwrap();
        let found = scan(&mut engine, &guest);
        if !found.is_empty() {
            leaks.push(format!("{taming:?}:\n{found}"));
        }
        let start = engine.start_compartment().clone();
        let found = scan(&mut engine, &start);
        if !found.is_empty() {
            leaks.push(format!("{taming:?} start:\n{found}"));
        }
    }
    assert!(leaks.is_empty(), "{}", leaks.join("\n\n"));
}

/// The host's view of a module's syntax error and of a thrown error: no raw path either (a
/// host that shows `ThrownError` to another guest would hand it the tag).
#[test]
fn host_errors_carry_no_raw_path() {
    let mut engine = engine();
    let guest = engine.new_compartment(scan_options()).unwrap();
    for specifier in ["bad", "thrower"] {
        let error = engine.import(&guest, specifier).unwrap_err();
        let text = format!("{error:?} / {error}");
        eprintln!("{specifier}: {text}");
        assert!(
            !text.contains('\u{2}') && !text.contains('\u{1}'),
            "{text:?}"
        );
    }
    for source in ["(", "null.x", "eval('(')", "Function('(')"] {
        let error = engine.evaluate_value(&guest, source).unwrap_err();
        let text = format!("{error:?} / {error}");
        assert!(
            !text.contains('\u{2}') && !text.contains('\u{1}'),
            "{text:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// (d) Guest-chosen sizes.
// ---------------------------------------------------------------------------------------------

/// `(Vec<String>,)` arguments: 2^24 elements at most, but every element is copied out whole.
/// An array of 20 000 references to one 1 MiB string (a few hundred KiB of guest memory) asks
/// the host for 20 GiB. The conversion must stop with an error the guest gets (or a limit),
/// not abort the process.
#[test]
fn vec_of_strings_arguments_do_not_amplify_memory() {
    const NAME: &str = "vec_of_strings_arguments_do_not_amplify_memory";
    if let Some((output, elapsed)) = in_child(NAME, 3_000_000, 120) {
        let report = report(NAME, &output, elapsed);
        eprintln!("{report}");
        assert!(output.status.success(), "{report}");
        return;
    }
    let (mut engine, guest) = locked_with(|_| {
        CompartmentOptions::new().host_fn("count", |_: &mut Caller<'_>, (list,): (Vec<String>,)| {
            Ok(list.iter().map(String::len).sum::<usize>() as f64)
        })
    });
    let result = engine.evaluate_value(
        &guest,
        "const s = 'x'.repeat(1 << 20); count(Array(20000).fill(s))",
    );
    println!(
        "CHILD result: {:?}",
        result.map(|v| v.display().to_string())
    );
    // Host-side conversions take the same path.
    let result = engine.evaluate::<Vec<String>>(&guest, "Array(20000).fill('y'.repeat(1 << 20))");
    println!("CHILD evaluate: {:?}", result.map(|v| v.len()));
}

/// A thrown non-error object is rendered by `shape`, which takes *all* own keys of every object
/// it visits (`own_property_keys`) before showing 16 of them. A `String` wrapper of a long
/// string has one index key per code unit: 16 bytes of keys per byte of guest string.
#[test]
fn a_thrown_string_wrapper_is_shown_in_bounded_memory() {
    const NAME: &str = "a_thrown_string_wrapper_is_shown_in_bounded_memory";
    if let Some((output, elapsed)) = in_child(NAME, 3_000_000, 120) {
        let report = report(NAME, &output, elapsed);
        eprintln!("{report}");
        assert!(output.status.success(), "{report}");
        return;
    }
    let mut engine = engine();
    engine.lockdown(LockdownOptions::default()).unwrap();
    let guest = engine.new_compartment(CompartmentOptions::new()).unwrap();
    // 200 MB of guest string; its keys would take 3.2 GB.
    let result = engine.evaluate_value(&guest, "throw new String('x'.repeat(2e8))");
    println!(
        "CHILD string: {:?}",
        result.map(|v| v.display().to_string()).map_err(|e| e
            .to_string()
            .chars()
            .take(200)
            .collect::<String>())
    );
    let result = engine.evaluate_value(&guest, "throw new Uint8Array(2e8)");
    println!(
        "CHILD typed array: {:?}",
        result.map(|v| v.display().to_string()).map_err(|e| e
            .to_string()
            .chars()
            .take(200)
            .collect::<String>())
    );
}

/// `shape` visits up to 16 × 16 nested objects and takes all their keys each time: a thrown
/// array of arrays of the same long `String` wrapper repeats a 10^7-key enumeration hundreds of
/// times, after the engine call's timeout no longer applies.
#[test]
fn rendering_a_thrown_object_takes_bounded_time() {
    let mut engine = engine();
    engine.lockdown(LockdownOptions::default()).unwrap();
    let guest = engine.new_compartment(CompartmentOptions::new()).unwrap();
    let started = Instant::now();
    let result = engine.evaluate_value(
        &guest,
        "const s = new String('x'.repeat(1e7)); const row = Array(16).fill(s); throw Array(16).fill(row);",
    );
    let elapsed = started.elapsed();
    eprintln!(
        "nested string wrappers: {elapsed:?} {:?}",
        result.map(|v| v.display().to_string()).map_err(|e| e
            .to_string()
            .chars()
            .take(300)
            .collect::<String>())
    );
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
}

/// Cyclic, deep and exotic thrown objects render promptly and without guest code.
#[test]
fn exotic_thrown_objects_render_without_guest_code() {
    let (mut engine, guest) = locked_with(|_| {
        CompartmentOptions::new().resolve_hook(|_, specifier, _| Ok(specifier.to_owned())).module("tdz", ModuleDescriptor::source(
            "import * as self from 'tdz'; globalThis.ns = self; export let late = 1; throw self;",
        ))
    });
    for source in [
        "const o = {}; o.o = o; o.a = [o, o]; throw o",
        "let d = {}; for (let i = 0; i < 100000; i++) d = { d }; throw d",
        "throw new Proxy({}, { ownKeys() { log.push('TRAP'); return [] } })",
        "throw { get x() { log.push('GETTER'); return 1 }, y: 2 }",
        "throw [,,,'a'.repeat(1e6)]",
        "throw Object.defineProperty([], 'length', { value: 2 ** 32 - 1 })",
        "throw new (class extends Array {})(5)",
        "throw { [Symbol.toStringTag]: 'X', toString() { log.push('TOSTRING') } }",
        "throw Object.create(new Proxy({}, { get() { log.push('PROTO-TRAP') } }))",
    ] {
        let started = Instant::now();
        let result = engine.evaluate_value(&guest, source);
        let message = match &result {
            Err(Error::Thrown(t)) => t.message.clone(),
            other => format!("{other:?}"),
        };
        eprintln!(
            "{source}: {:?} {}",
            started.elapsed(),
            message.chars().take(120).collect::<String>()
        );
        assert!(started.elapsed() < Duration::from_secs(5), "{source}");
        assert!(message.len() < 4096, "{source}: {}", message.len());
    }
    // A namespace with a binding in its TDZ, thrown from its own module's body.
    let result = engine.import(&guest, "tdz");
    eprintln!(
        "tdz: {:?}",
        result.as_ref().map(|_| ()).map_err(|e| e.to_string())
    );
    assert!(result.is_err());
    assert_eq!(log(&mut engine, &guest), "");
}

// ---------------------------------------------------------------------------------------------
// (e) `Engine::set` walks the value it writes.
// ---------------------------------------------------------------------------------------------

/// The walk of a guest-made value reads own properties only: no getter, no proxy trap runs.
#[test]
fn engine_set_walk_runs_no_guest_code() {
    let (mut engine, guest) = locked_with(|_| CompartmentOptions::new());
    let value: boa_engine::JsObject = engine
        .evaluate(
            &guest,
            "const L = log;
             const p = new Proxy({}, new Proxy({}, { get(t, k) { L[L.length] = 'TRAP:' + String(k) } }));
             const o = { get g() { L[L.length] = 'GETTER' }, set s(v) { L[L.length] = 'SETTER' }, p, q: Object.create(p) };
             Object.setPrototypeOf(o, p);
             o",
        )
        .unwrap();
    let target: boa_engine::JsObject = engine.evaluate(&guest, "({})").unwrap();
    engine.set(&target, "x", value).unwrap();
    assert_eq!(log(&mut engine, &guest), "");
}

/// Legitimate values are written: namespaces (one with a binding in its TDZ), frozen objects,
/// typed arrays, functions of the guest, other compartments' globals, values with many keys.
#[test]
fn engine_set_accepts_legitimate_values() {
    let (mut engine, guest) = locked_with(|_| {
        CompartmentOptions::new()
            .resolve_hook(|_, specifier, _| Ok(specifier.to_owned()))
            .module("m", ModuleDescriptor::source("export const a = 1; export function f() {}"))
            .module(
                "cycle-a",
                ModuleDescriptor::source("import { b } from 'cycle-b'; export let a = 1;"),
            )
            .module(
                "cycle-b",
                ModuleDescriptor::source(
                    "import * as nsA from 'cycle-a'; globalThis.tdzNamespace = nsA; export let b = 2;",
                ),
            )
    });
    let namespace = engine.import(&guest, "m").unwrap();
    let target: boa_engine::JsObject = engine
        .evaluate(&guest, "globalThis.target = {}; target")
        .unwrap();
    engine.set(&target, "ns", namespace).unwrap();
    engine.import(&guest, "cycle-a").unwrap();
    for source in [
        "tdzNamespace",
        "harden({ a: [1, 2, { b: 3 }] })",
        "new Uint8Array(16)",
        "(function f() {})",
        "new Compartment().globalThis",
        "Promise.withResolvers ? Promise.withResolvers() : {}",
        "(() => { const o = {}; for (let i = 0; i < 10000; i++) o['k' + i] = () => i; return o })()",
        "[Math, JSON, Reflect]",
        "Symbol.iterator",
    ] {
        let value = engine.evaluate_value(&guest, source).unwrap();
        let set = engine.set(&target, "v", value);
        assert!(set.is_ok(), "{source}: {set:?}");
    }
    // Native functions the walk met keep working.
    assert_eq!(
        engine
            .evaluate::<String>(&guest, "const r = Promise.withResolvers(); r.resolve(1); typeof target.ns.f + ':' + r.resolve.length")
            .unwrap(),
        "function:1"
    );
}

/// The walk takes all keys of each object it meets, exotic ones included: a guest `String`
/// wrapper the host writes somewhere costs one `PropertyKey` per code unit, without the limits.
#[test]
fn engine_set_walk_is_bounded_on_exotic_objects() {
    const NAME: &str = "engine_set_walk_is_bounded_on_exotic_objects";
    if let Some((output, elapsed)) = in_child(NAME, 3_000_000, 120) {
        let report = report(NAME, &output, elapsed);
        eprintln!("{report}");
        assert!(output.status.success(), "{report}");
        return;
    }
    let (mut engine, guest) = locked_with(|_| CompartmentOptions::new());
    let value = engine
        .evaluate_value(&guest, "({ s: new String('x'.repeat(2e8)) })")
        .unwrap();
    let target: boa_engine::JsObject = engine.evaluate(&guest, "({})").unwrap();
    let result = engine.set(&target, "x", value);
    println!("CHILD set: {result:?}");
}
