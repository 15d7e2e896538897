//! The host-defined globals test262 expects: `print` and `$262` (INTERPRETING.md), with the
//! agent API on threads for the SharedArrayBuffer/Atomics tests.

use std::{
    cell::RefCell,
    collections::VecDeque,
    rc::Rc,
    sync::{Arc, Mutex, PoisonError, mpsc},
    time::{Duration, Instant},
};

use boa_engine::{
    Context, JsArgs, JsBigInt, JsNativeError, JsObject, JsResult, JsString, JsValue,
    NativeFunction, Script, Source,
    builtins::{array_buffer::SharedArrayBuffer, is_html_dda::IsHTMLDDA},
    js_string,
    module::IdleModuleLoader,
    object::{
        FunctionObjectBuilder, ObjectInitializer,
        builtins::{JsArrayBuffer, JsSharedArrayBuffer},
    },
    property::{Attribute, PropertyDescriptor},
};

/// Agents run Boa's parser and interpreter on their own thread: give them room.
const AGENT_STACK: usize = 64 << 20;

/// Everything `print` was called with, in order: the async protocol reads it.
#[derive(Default)]
pub struct PrintLog(pub RefCell<Vec<String>>);

pub fn function(context: &mut Context, name: &str, length: usize, f: NativeFunction) -> JsObject {
    FunctionObjectBuilder::new(context.realm(), f)
        .name(JsString::from(name))
        .length(length)
        .build()
        .into()
}

pub fn print_function() -> NativeFunction {
    NativeFunction::from_fn_ptr(print)
}

fn print(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let text = args
        .get_or_undefined(0)
        .to_string(context)?
        .to_std_string_escaped();
    if let Some(log) = context.get_data::<PrintLog>() {
        log.0.borrow_mut().push(text);
    }
    Ok(JsValue::undefined())
}

/// Defines `name` as a writable, configurable, non-enumerable property, as test262 wants
/// `print` and `$262`.
pub fn define_global(
    global: &JsObject,
    name: &str,
    value: impl Into<JsValue>,
    context: &mut Context,
) -> JsResult<()> {
    global.define_property_or_throw(
        JsString::from(name),
        PropertyDescriptor::builder()
            .value(value)
            .writable(true)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    Ok(())
}

/// The members of `$262` that every mode implements natively: `detachArrayBuffer`, `gc`,
/// `IsHTMLDDA` and `agent`. The caller adds `global`, `evalScript` and `createRealm`.
pub fn native_members(context: &mut Context) -> JsObject {
    let agent = agent_object(context);
    let detach = function(
        context,
        "detachArrayBuffer",
        2,
        NativeFunction::from_fn_ptr(detach_array_buffer),
    );
    let gc = function(context, "gc", 0, NativeFunction::from_fn_ptr(gc));
    // `document.all`'s stand-in (Annex B): callable, `typeof` "undefined", falsy, `== null`.
    let html_dda = JsObject::from_proto_and_data(
        context.intrinsics().constructors().object().prototype(),
        IsHTMLDDA,
    );
    ObjectInitializer::new(context)
        .property(js_string!("IsHTMLDDA"), html_dda, Attribute::all())
        .property(js_string!("detachArrayBuffer"), detach, Attribute::all())
        .property(js_string!("gc"), gc, Attribute::all())
        .property(js_string!("agent"), agent, Attribute::all())
        .build()
}

fn detach_array_buffer(_: &JsValue, args: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    let object = args.get_or_undefined(0).as_object().ok_or_else(|| {
        JsNativeError::typ().with_message("detachArrayBuffer: not an ArrayBuffer")
    })?;
    JsArrayBuffer::from_object(object)?.detach(args.get_or_undefined(1))?;
    Ok(JsValue::null())
}

fn gc(_: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    boa_gc::force_collect();
    Ok(JsValue::undefined())
}

/// Plain mode: installs `print` and a complete `$262` on the current realm's global object.
pub fn install_plain(context: &mut Context) -> JsResult<JsObject> {
    let host = native_members(context);
    let global = context.global_object();
    let create_realm = function(
        context,
        "createRealm",
        0,
        NativeFunction::from_fn_ptr(create_realm),
    );
    let eval_script = function(
        context,
        "evalScript",
        1,
        NativeFunction::from_fn_ptr(eval_script),
    );
    host.set(js_string!("createRealm"), create_realm, true, context)?;
    host.set(js_string!("evalScript"), eval_script, true, context)?;
    host.set(js_string!("global"), global.clone(), true, context)?;
    let print = function(context, "print", 1, print_function());
    define_global(&global, "print", print, context)?;
    define_global(&global, "$262", host.clone(), context)?;
    Ok(host)
}

fn create_realm(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let realm = context.create_realm()?;
    let previous = context.enter_realm(realm);
    let host = install_plain(context);
    context.enter_realm(previous);
    Ok(host?.into())
}

/// ParseScript + ScriptEvaluation in the realm of this function (natives run in their realm).
fn eval_script(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let source = args
        .get_or_undefined(0)
        .to_string(context)?
        .to_std_string_escaped();
    Script::parse(Source::from_bytes(source.as_bytes()), None, context)?.evaluate(context)
}

// ---- agents -------------------------------------------------------------------------------

/// Agent threads of this process that may not have ended.
static AGENTS: Mutex<Vec<std::thread::JoinHandle<()>>> = Mutex::new(Vec::new());

/// How long agents may take to end once their test has its verdict.
const AGENTS_GRACE: Duration = Duration::from_millis(200);

/// Whether an agent outlived its test: still running a grace period after the verdict. Such an
/// agent may spin forever (a test that failed never wrote what its loop waits for) and would
/// slow every later test of the worker, and no thread can be stopped from outside, so the worker
/// retires (its process ends, and the agent with it). Agents that ended are joined, so a fork
/// after this finds no thread but the worker's own.
pub fn agents_outlived_test() -> bool {
    let deadline = Instant::now() + AGENTS_GRACE;
    let mut agents = AGENTS.lock().unwrap_or_else(PoisonError::into_inner);
    loop {
        let (ended, running): (Vec<_>, Vec<_>) = agents
            .drain(..)
            .partition(std::thread::JoinHandle::is_finished);
        *agents = running;
        for agent in ended {
            let _ = agent.join();
        }
        if agents.is_empty() {
            return false;
        }
        if Instant::now() >= deadline {
            return true;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// State shared by a test and its agents.
struct AgentShared {
    reports: Mutex<VecDeque<String>>,
    started: Instant,
}

#[derive(Clone)]
enum Number {
    Number(f64),
    BigInt(String),
}

struct Broadcast {
    buffer: SharedArrayBuffer,
    value: Number,
    received: mpsc::Sender<()>,
}

/// The test's side, kept in its context's data.
pub struct AgentHost {
    shared: Arc<AgentShared>,
    /// One sender per started agent; dropping them (with the context) ends waiting agents.
    agents: RefCell<Vec<mpsc::Sender<Broadcast>>>,
}

impl Default for AgentHost {
    fn default() -> Self {
        Self {
            shared: Arc::new(AgentShared {
                reports: Mutex::new(VecDeque::new()),
                started: Instant::now(),
            }),
            agents: RefCell::default(),
        }
    }
}

/// An agent's side, kept in the agent context's data.
struct AgentSide {
    shared: Arc<AgentShared>,
    broadcasts: mpsc::Receiver<Broadcast>,
}

fn host(context: &Context) -> JsResult<&AgentHost> {
    context
        .get_data::<AgentHost>()
        .ok_or_else(|| JsNativeError::typ().with_message("no agent host").into())
}

fn agent_object(context: &mut Context) -> JsObject {
    let members: [(&str, usize, NativeFunction); 5] = [
        ("start", 1, NativeFunction::from_fn_ptr(agent_start)),
        ("broadcast", 2, NativeFunction::from_fn_ptr(agent_broadcast)),
        (
            "getReport",
            0,
            NativeFunction::from_fn_ptr(agent_get_report),
        ),
        ("sleep", 1, NativeFunction::from_fn_ptr(agent_sleep)),
        (
            "monotonicNow",
            0,
            NativeFunction::from_fn_ptr(agent_monotonic_now),
        ),
    ];
    object_of(context, members)
}

fn object_of<const N: usize>(
    context: &mut Context,
    members: [(&str, usize, NativeFunction); N],
) -> JsObject {
    let functions: Vec<_> = members
        .into_iter()
        .map(|(name, length, f)| (name, function(context, name, length, f)))
        .collect();
    let mut object = ObjectInitializer::new(context);
    for (name, f) in functions {
        object.property(JsString::from(name), f, Attribute::all());
    }
    object.build()
}

fn agent_start(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let source = args
        .get_or_undefined(0)
        .to_string(context)?
        .to_std_string_escaped();
    let host = host(context)?;
    let shared = host.shared.clone();
    let (sender, receiver) = mpsc::channel();
    let agent = std::thread::Builder::new()
        .name("test262-agent".into())
        .stack_size(AGENT_STACK)
        .spawn(move || run_agent(&source, shared, receiver))
        .map_err(|e| JsNativeError::error().with_message(format!("agent thread: {e}")))?;
    AGENTS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(agent);
    host.agents.borrow_mut().push(sender);
    Ok(JsValue::undefined())
}

/// Sends the buffer and number to every agent and blocks until each has taken them.
fn agent_broadcast(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let object = args
        .get_or_undefined(0)
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("broadcast: not a SharedArrayBuffer"))?;
    let buffer = JsSharedArrayBuffer::from_object(object)?.inner();
    let value = match args.get_or_undefined(1) {
        v if v.is_bigint() => Number::BigInt(v.to_string(context)?.to_std_string_escaped()),
        v => Number::Number(v.to_number(context)?),
    };
    let (received, acknowledgements) = mpsc::channel();
    let mut sent = 0;
    for agent in host(context)?.agents.borrow().iter() {
        let message = Broadcast {
            buffer: buffer.clone(),
            value: value.clone(),
            received: received.clone(),
        };
        if agent.send(message).is_ok() {
            sent += 1;
        }
    }
    drop(received);
    for _ in 0..sent {
        // An agent that died drops its message, and with it the sender.
        if acknowledgements.recv().is_err() {
            break;
        }
    }
    Ok(JsValue::undefined())
}

fn agent_get_report(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let shared = &host(context)?.shared;
    let report = shared
        .reports
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .pop_front();
    Ok(report.map_or(JsValue::null(), |r| JsString::from(r).into()))
}

fn agent_sleep(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let ms = args.get_or_undefined(0).to_number(context)?;
    if ms.is_finite() && ms > 0.0 {
        std::thread::sleep(Duration::from_secs_f64(ms / 1000.0));
    }
    Ok(JsValue::undefined())
}

fn started(context: &Context) -> Option<Instant> {
    if let Some(host) = context.get_data::<AgentHost>() {
        return Some(host.shared.started);
    }
    context
        .get_data::<AgentSide>()
        .map(|side| side.shared.started)
}

fn agent_monotonic_now(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let started = started(context).unwrap_or_else(Instant::now);
    Ok(JsValue::from(started.elapsed().as_secs_f64() * 1000.0))
}

/// An agent: a plain context that can block (Atomics.wait), with its own `$262.agent`.
fn run_agent(source: &str, shared: Arc<AgentShared>, broadcasts: mpsc::Receiver<Broadcast>) {
    let Ok(mut context) = Context::builder()
        .can_block(true)
        .module_loader(Rc::new(IdleModuleLoader))
        .build()
    else {
        return;
    };
    context.insert_data(AgentSide { shared, broadcasts });
    let agent = object_of(
        &mut context,
        [
            (
                "receiveBroadcast",
                1,
                NativeFunction::from_fn_ptr(agent_receive_broadcast),
            ),
            ("report", 1, NativeFunction::from_fn_ptr(agent_report)),
            ("sleep", 1, NativeFunction::from_fn_ptr(agent_sleep)),
            ("leaving", 0, NativeFunction::from_fn_ptr(agent_leaving)),
            (
                "monotonicNow",
                0,
                NativeFunction::from_fn_ptr(agent_monotonic_now),
            ),
        ],
    );
    let host = ObjectInitializer::new(&mut context)
        .property(js_string!("agent"), agent, Attribute::all())
        .build();
    let global = context.global_object();
    if define_global(&global, "$262", host, &mut context).is_err() {
        return;
    }
    // Errors in an agent surface as missing reports in the test.
    if Script::parse(Source::from_bytes(source.as_bytes()), None, &mut context)
        .and_then(|script| script.evaluate(&mut context))
        .is_ok()
    {
        let _ = context.run_jobs();
    }
}

/// Blocks until the host broadcasts, then calls the callback with the buffer and the number.
fn agent_receive_broadcast(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let callback = args
        .get_or_undefined(0)
        .as_callable()
        .ok_or_else(|| JsNativeError::typ().with_message("receiveBroadcast: not a function"))?;
    let side = context
        .get_data::<AgentSide>()
        .ok_or_else(|| JsNativeError::typ().with_message("not an agent"))?;
    let message = side
        .broadcasts
        .recv()
        .map_err(|_| JsNativeError::error().with_message("the test has finished"))?;
    let _ = message.received.send(());
    let buffer = JsSharedArrayBuffer::from_buffer(message.buffer, context);
    let value = match message.value {
        Number::Number(n) => JsValue::from(n),
        Number::BigInt(text) => JsBigInt::from_string(&text)
            .map(JsValue::from)
            .unwrap_or_default(),
    };
    callback.call(&JsValue::undefined(), &[buffer.into(), value], context)?;
    context.run_jobs()?;
    Ok(JsValue::undefined())
}

fn agent_report(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let text = args
        .get_or_undefined(0)
        .to_string(context)?
        .to_std_string_escaped();
    if let Some(side) = context.get_data::<AgentSide>() {
        side.shared
            .reports
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push_back(text);
    }
    Ok(JsValue::undefined())
}

fn agent_leaving(_: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    Ok(JsValue::undefined())
}
