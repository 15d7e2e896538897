//! The `console` capability, as node's: `log`/`info`/`debug`/`dir`/`table` write to stdout
//! (to stderr under `--json`, whose stdout is the one JSON object), `error`/`warn`/`trace`/a
//! failed `assert` to stderr, `count`/`countReset`, `time`/`timeLog`/`timeEnd` and
//! `group`/`groupEnd` keep their state per console. Values are formatted as node's console does
//! (strings as they are, `%s`/`%d`/`%i`/`%f`/`%j`/`%o`/`%O` substitutions in a leading string,
//! other values inspected).

use std::{
    cell::{Cell, RefCell},
    collections::HashMap,
    io::Write,
    rc::Rc,
    time::Instant,
};

use boa_engine::{
    Context, JsArgs, JsNativeError, JsObject, JsResult, JsValue, NativeFunction, js_string,
    object::{IntegrityLevel, ObjectInitializer},
    property::PropertyKey,
};
use boa_gc::{Finalize, Trace};

/// Where the output goes, and what `count`, `time` and `group` remember (plain Rust data).
#[derive(Default)]
struct State {
    /// `--json`: stdout carries the report only.
    quiet_stdout: bool,
    indent: Cell<usize>,
    counts: RefCell<HashMap<String, u64>>,
    timers: RefCell<HashMap<String, Instant>>,
}

#[derive(Clone, Trace, Finalize)]
struct Shared(#[unsafe_ignore_trace] Rc<State>);

#[derive(Clone, Copy)]
enum Stream {
    Out,
    Err,
}

impl State {
    fn write(&self, stream: Stream, text: &str) {
        // Each line indented by the open groups; the text is otherwise written as it is (a
        // `\r\n` inside it stays).
        let pad = "  ".repeat(self.indent.get());
        let text: String = text
            .split('\n')
            .map(|line| format!("{pad}{line}\n"))
            .collect();
        // A closed stream (stdout piped into `head`) is not the guest's error.
        let _ = match (stream, self.quiet_stdout) {
            (Stream::Out, false) => std::io::stdout().lock().write_all(text.as_bytes()),
            _ => std::io::stderr().lock().write_all(text.as_bytes()),
        };
    }
}

type Method = fn(&State, &[JsValue], &mut Context) -> JsResult<()>;

/// Builds a frozen `console` object; `json`: its stdout output goes to stderr.
pub fn console(context: &mut Context, json: bool) -> JsResult<JsObject> {
    let shared = Shared(Rc::new(State {
        quiet_stdout: json,
        ..State::default()
    }));
    let methods: [(&str, Method); 16] = [
        ("log", |s, a, c| printed(s, Stream::Out, a, c)),
        ("info", |s, a, c| printed(s, Stream::Out, a, c)),
        ("debug", |s, a, c| printed(s, Stream::Out, a, c)),
        ("dir", |s, a, c| {
            let text = inspect(a.get_or_undefined(0), c);
            s.write(Stream::Out, &text);
            Ok(())
        }),
        ("table", |s, a, c| printed(s, Stream::Out, a, c)),
        ("error", |s, a, c| printed(s, Stream::Err, a, c)),
        ("warn", |s, a, c| printed(s, Stream::Err, a, c)),
        ("trace", |s, a, c| {
            let text = format_args(a, c)?;
            s.write(Stream::Err, &format!("Trace: {text}"));
            Ok(())
        }),
        ("assert", |s, a, c| {
            if a.get_or_undefined(0).to_boolean() {
                return Ok(());
            }
            let text = format_args(a.get(1..).unwrap_or_default(), c)?;
            let text = if text.is_empty() {
                "Assertion failed".to_owned()
            } else {
                format!("Assertion failed: {text}")
            };
            s.write(Stream::Err, &text);
            Ok(())
        }),
        ("count", |s, a, c| {
            let label = label(a, c)?;
            let n = {
                let mut counts = s.counts.borrow_mut();
                let n = counts.entry(label.clone()).or_default();
                *n += 1;
                *n
            };
            s.write(Stream::Out, &format!("{label}: {n}"));
            Ok(())
        }),
        ("countReset", |s, a, c| {
            s.counts.borrow_mut().remove(&label(a, c)?);
            Ok(())
        }),
        ("time", |s, a, c| {
            s.timers.borrow_mut().insert(label(a, c)?, Instant::now());
            Ok(())
        }),
        ("timeLog", |s, a, c| timer(s, a, c, false)),
        ("timeEnd", |s, a, c| timer(s, a, c, true)),
        ("group", |s, a, c| {
            if !a.is_empty() {
                printed(s, Stream::Out, a, c)?;
            }
            s.indent.set(s.indent.get().saturating_add(1).min(64));
            Ok(())
        }),
        ("groupEnd", |s, _, _| {
            s.indent.set(s.indent.get().saturating_sub(1));
            Ok(())
        }),
    ];
    let mut console = ObjectInitializer::new(context);
    for (name, method) in methods {
        let function = NativeFunction::from_copy_closure_with_captures(
            move |_, args, shared: &Shared, context| {
                method(&shared.0, args, context)?;
                Ok(JsValue::undefined())
            },
            shared.clone(),
        );
        console.function(function, js_string!(name), 0);
    }
    let console = console.build();
    console.set_integrity_level(IntegrityLevel::Frozen, context)?;
    Ok(console)
}

fn printed(state: &State, stream: Stream, args: &[JsValue], context: &mut Context) -> JsResult<()> {
    let text = format_args(args, context)?;
    state.write(stream, &text);
    Ok(())
}

/// The label of `count`/`time`: the first argument as a string, `default` when absent.
fn label(args: &[JsValue], context: &mut Context) -> JsResult<String> {
    match args.first() {
        None => Ok("default".to_owned()),
        Some(value) if value.is_undefined() => Ok("default".to_owned()),
        Some(value) => Ok(value.to_string(context)?.to_std_string_escaped()),
    }
}

fn timer(state: &State, args: &[JsValue], context: &mut Context, end: bool) -> JsResult<()> {
    let label = label(args, context)?;
    let started = if end {
        state.timers.borrow_mut().remove(&label)
    } else {
        state.timers.borrow().get(&label).copied()
    };
    match started {
        Some(started) => {
            let ms = started.elapsed().as_secs_f64() * 1e3;
            state.write(Stream::Out, &format!("{label}: {ms:.3}ms"));
        }
        None => state.write(Stream::Err, &format!("Warning: No such label '{label}'")),
    }
    Ok(())
}

/// Node's `util.format`.
pub fn format_args(args: &[JsValue], context: &mut Context) -> JsResult<String> {
    let mut out = String::new();
    let mut rest = args;
    if let Some((first, tail)) = args.split_first()
        && let Some(format) = first.as_string()
    {
        rest = tail;
        let format = format.to_std_string_escaped();
        let mut chars = format.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            let Some(&spec) = chars.peek() else {
                out.push('%');
                break;
            };
            if spec == '%' {
                chars.next();
                out.push('%');
                continue;
            }
            if !matches!(spec, 's' | 'd' | 'i' | 'f' | 'j' | 'o' | 'O' | 'c') {
                out.push('%');
                continue;
            }
            chars.next();
            let Some((value, tail)) = rest.split_first() else {
                out.push('%');
                out.push(spec);
                continue;
            };
            rest = tail;
            match spec {
                's' => out.push_str(&match value.as_string() {
                    Some(s) => s.to_std_string_escaped(),
                    None => inspect(value, context),
                }),
                'd' | 'i' => {
                    let number = value.to_number(context)?;
                    let number = if spec == 'i' { number.trunc() } else { number };
                    out.push_str(&JsValue::from(number).display().to_string());
                }
                'f' => out.push_str(
                    &JsValue::from(value.to_number(context)?)
                        .display()
                        .to_string(),
                ),
                'j' => out.push_str(
                    &json_text(value, context)?.unwrap_or_else(|| "undefined".to_owned()),
                ),
                'c' => {}
                _ => out.push_str(&inspect(value, context)),
            }
        }
    }
    for value in rest {
        if !out.is_empty() || !std::ptr::eq(value, &args[0]) {
            out.push(' ');
        }
        match value.as_string() {
            Some(s) => out.push_str(&s.to_std_string_escaped()),
            None => out.push_str(&inspect(value, context)),
        }
    }
    Ok(out)
}

/// A value as Node's `util.inspect` shows it: nested objects to depth 2, strings quoted inside
/// containers, accessors as `[Getter]`/`[Setter]` (never invoked), cycles as `[Circular]`, at
/// most [`ARRAY_ITEMS`] items of an array. The guest shapes the value (one object referred to
/// from many places, errors linked by `cause`), so the values shown are counted too.
pub fn inspect(value: &JsValue, context: &mut Context) -> String {
    let mut seen = Seen {
        path: Vec::new(),
        left: SHOWN_VALUES,
    };
    inspect_nested(value, 0, &mut seen, context)
}

thread_local! {
    /// Whether values are coloured, as node colours them on a terminal.
    static COLORS: Cell<bool> = const { Cell::new(false) };
}

/// Colours the values this thread inspects from now on (node's palette: numbers and booleans
/// yellow, strings and symbols green, `undefined` grey, `null` bold, functions cyan, regular
/// expressions red).
pub fn use_colors(on: bool) {
    COLORS.set(on);
}

/// `text` in the SGR colour `code`, when colouring.
fn paint(code: &str, text: String) -> String {
    if COLORS.get() {
        let reset = if code == "1" { "22" } else { "39" };
        format!("\x1b[{code}m{text}\x1b[{reset}m")
    } else {
        text
    }
}

/// The colour of a primitive, as node's inspector paints it.
fn primitive_color(value: &JsValue) -> &'static str {
    if value.is_undefined() {
        "90"
    } else if value.is_null() {
        "1"
    } else if value.is_string() || value.is_symbol() {
        "32"
    } else {
        "33"
    }
}

/// How many items of one array are shown, as node shows them.
const ARRAY_ITEMS: usize = 100;
/// How many values one inspection shows in all: past it, `…`.
const SHOWN_VALUES: usize = 10_000;

/// The objects on the path to the value being shown (cycles), and how many more values may be
/// shown.
struct Seen {
    path: Vec<JsObject>,
    left: usize,
}

impl Seen {
    fn contains(&self, object: &JsObject) -> bool {
        self.path.contains(object)
    }

    fn push(&mut self, object: JsObject) {
        self.path.push(object);
    }

    fn pop(&mut self) {
        self.path.pop();
    }
}

/// A value as node's REPL prints it: as [`inspect`], with a string quoted too.
pub fn inspect_top(value: &JsValue, context: &mut Context) -> String {
    match value.as_string() {
        Some(text) => paint("32", quoted(&text.to_std_string_escaped())),
        None => inspect(value, context),
    }
}

/// A string as node's inspector quotes it: in single quotes, or double quotes or backticks
/// when that spares escaping a quote, with control characters and backslashes escaped.
fn quoted(text: &str) -> String {
    let quote = if !text.contains('\'') {
        '\''
    } else if !text.contains('"') {
        '"'
    } else if !text.contains('`') && !text.contains("${") {
        '`'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{b}' => out.push_str("\\v"),
            '\\' => out.push_str("\\\\"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn inspect_nested(value: &JsValue, depth: usize, seen: &mut Seen, context: &mut Context) -> String {
    if seen.left == 0 {
        return "…".into();
    }
    seen.left -= 1;
    let Some(object) = value.as_object() else {
        let text = match value.as_string() {
            Some(s) if depth > 0 => quoted(&s.to_std_string_escaped()),
            _ => value.display().to_string(),
        };
        return paint(primitive_color(value), text);
    };
    // A function is its head, `[Function: f]`, and then its own enumerable properties, if any.
    let mut head = None;
    if object.is_callable() {
        let text = paint("36", function_head(&object, context));
        if depth > 2 || !has_enumerable_keys(&object, context) {
            return text;
        }
        head = Some(text);
    }
    if let Some(shown) = boxed_primitive(&object) {
        return shown;
    }
    if seen.contains(&object) {
        return "[Circular]".into();
    }
    if object.is::<boa_engine::builtins::error::Error>() {
        if depth > 2 {
            return "[Error]".into();
        }
        seen.push(object.clone());
        let shown = inspect_error(&object, value, depth, seen, context);
        seen.pop();
        return shown;
    }
    if let Ok(regexp) = boa_engine::object::builtins::JsRegExp::from_object(object.clone()) {
        return paint("31", regexp_text(&regexp, context));
    }
    let is_array = object.is_array();
    if depth > 2 {
        return if is_array {
            "[Array]".into()
        } else {
            "[Object]".into()
        };
    }
    seen.push(object.clone());
    // A proxy's key list would run its traps: show it opaquely.
    if object.is::<boa_engine::builtins::proxy::Proxy>() {
        return "[Proxy]".into();
    }
    // A module namespace's exports are bindings, read without running guest code.
    if object.is::<boa_engine::module::ModuleNamespace>() {
        let mut parts = Vec::new();
        for key in object.own_property_keys(context).unwrap_or_default() {
            let PropertyKey::String(name) = &key else {
                continue;
            };
            let shown = match object.get(key.clone(), context) {
                Ok(value) => inspect_nested(&value, depth + 1, seen, context),
                Err(_) => "<uninitialized>".into(),
            };
            parts.push(format!("{}: {shown}", name.to_std_string_escaped()));
        }
        seen.pop();
        return format!("[Module: null prototype] {{ {} }}", parts.join(", "));
    }
    if let Some(shown) = inspect_builtin(&object, depth, seen, context) {
        seen.pop();
        return shown;
    }
    let keys = object.own_property_keys(context).unwrap_or_default();
    let mut parts = Vec::new();
    // An array's holes, shown as node shows them (`[ <1 empty item>, 1 ]`).
    let mut next_index = 0u32;
    let holes = |from: u32, to: u32, parts: &mut Vec<String>| {
        if to > from {
            let n = to - from;
            parts.push(format!("<{n} empty item{}>", if n == 1 { "" } else { "s" }));
        }
    };
    let mut items = 0usize;
    for key in keys {
        let Some(descriptor) = object.borrow().properties().get(&key) else {
            continue;
        };
        if descriptor.enumerable() != Some(true)
            || (is_array && key == PropertyKey::from(js_string!("length")))
        {
            continue;
        }
        if is_array && matches!(key, PropertyKey::Index(_)) {
            if items == ARRAY_ITEMS {
                parts.push("... more items".into());
                next_index = u32::MAX;
                break;
            }
            items += 1;
        }
        let shown = match (
            descriptor.value(),
            descriptor.get().is_some_and(|g| !g.is_undefined()),
            descriptor.set().is_some_and(|s| !s.is_undefined()),
        ) {
            (Some(value), _, _) => inspect_nested(value, depth + 1, seen, context),
            (None, true, true) => "[Getter/Setter]".into(),
            (None, true, false) => "[Getter]".into(),
            (None, false, _) => "[Setter]".into(),
        };
        match &key {
            PropertyKey::Index(index) if is_array => {
                holes(next_index, index.get(), &mut parts);
                next_index = index.get().saturating_add(1);
                parts.push(shown);
            }
            PropertyKey::String(name) if is_identifier(&name.to_std_string_escaped()) => {
                parts.push(format!("{}: {shown}", name.to_std_string_escaped()));
            }
            PropertyKey::Symbol(symbol) => {
                parts.push(format!(
                    "[{}]: {shown}",
                    symbol.descriptive_string().to_std_string_escaped()
                ));
            }
            other => parts.push(format!("'{}': {shown}", key_text(other))),
        }
    }
    if is_array {
        let length = own_data(&object, &js_string!("length").into())
            .and_then(|length| length.as_number())
            .map_or(0, |length| length as u32);
        holes(next_index, length, &mut parts);
    }
    seen.pop();
    let (open, close) = if is_array { ("[", "]") } else { ("{", "}") };
    if let Some(head) = head {
        return format!("{head} {{ {} }}", parts.join(", "));
    }
    let prefix = if is_array {
        String::new()
    } else {
        class_prefix(&object, context)
    };
    if parts.is_empty() {
        format!("{prefix}{open}{close}")
    } else {
        format!("{prefix}{open} {} {close}", parts.join(", "))
    }
}

/// A function as node shows it: `[Function: f]`, `[AsyncFunction: f]`,
/// `[GeneratorFunction: f]`, `[class A]`, `[class B extends A]`, `[Function (anonymous)]`.
/// Names are read from own data properties only.
fn function_head(object: &JsObject, context: &mut Context) -> String {
    let name_of = |object: &JsObject| {
        own_data(object, &js_string!("name").into())
            .and_then(|v| v.as_string().map(|s| s.to_std_string_escaped()))
            .unwrap_or_default()
    };
    let name = name_of(object);
    let prototype = object.prototype();
    let constructors = context.intrinsics().constructors();
    let kind = [
        (constructors.async_function().prototype(), "AsyncFunction"),
        (
            constructors.generator_function().prototype(),
            "GeneratorFunction",
        ),
        (
            constructors.async_generator_function().prototype(),
            "AsyncGeneratorFunction",
        ),
    ]
    .into_iter()
    .find(|(kind, _)| prototype.as_ref() == Some(kind))
    .map_or("Function", |(_, kind)| kind);
    let class = kind == "Function"
        && object.is_constructor()
        && name.chars().next().is_some_and(char::is_uppercase);
    if class {
        // A class whose prototype is another constructor extends it.
        let base = prototype
            .filter(|base| base.is_constructor())
            .map(|base| name_of(&base))
            .filter(|base| !base.is_empty())
            .map(|base| format!(" extends {base}"))
            .unwrap_or_default();
        return format!("[class {name}{base}]");
    }
    if name.is_empty() {
        format!("[{kind} (anonymous)]")
    } else {
        format!("[{kind}: {name}]")
    }
}

/// Whether the object has an own enumerable property; a proxy is not asked (its traps would
/// run).
fn has_enumerable_keys(object: &JsObject, context: &mut Context) -> bool {
    if object.is::<boa_engine::builtins::proxy::Proxy>() {
        return false;
    }
    object
        .own_property_keys(context)
        .unwrap_or_default()
        .iter()
        .any(|key| {
            object
                .borrow()
                .properties()
                .get(key)
                .is_some_and(|descriptor| descriptor.enumerable() == Some(true))
        })
}

/// A primitive's wrapper object as node shows it: `[Number: 3]`, `[String: 'ab']`,
/// `[Boolean: true]`, `[BigInt: 1n]`, `[Symbol: Symbol(x)]`, read from its internal slot.
fn boxed_primitive(object: &JsObject) -> Option<String> {
    if let Some(number) = object.downcast_ref::<f64>() {
        return Some(format!("[Number: {}]", JsValue::from(*number).display()));
    }
    if let Some(string) = object.downcast_ref::<boa_engine::JsString>() {
        return Some(format!(
            "[String: {}]",
            quoted(&string.to_std_string_escaped())
        ));
    }
    if let Some(boolean) = object.downcast_ref::<bool>() {
        return Some(format!("[Boolean: {}]", *boolean));
    }
    if let Some(bigint) = object.downcast_ref::<boa_engine::JsBigInt>() {
        return Some(format!("[BigInt: {}n]", *bigint));
    }
    if let Some(symbol) = object.downcast_ref::<boa_engine::JsSymbol>() {
        return Some(format!(
            "[Symbol: {}]",
            symbol.descriptive_string().to_std_string_escaped()
        ));
    }
    None
}

/// What node puts before an object's braces: `[Object: null prototype] ` without a prototype,
/// the class name (`Point `) when the prototype is not `Object.prototype`, read from its own
/// `constructor`'s own `name` data properties (nothing runs).
fn class_prefix(object: &JsObject, context: &mut Context) -> String {
    let Some(prototype) = object.prototype() else {
        return "[Object: null prototype] ".into();
    };
    if prototype == context.intrinsics().constructors().object().prototype() {
        return String::new();
    }
    own_data(&prototype, &js_string!("constructor").into())
        .and_then(|constructor| constructor.as_object())
        .and_then(|constructor| own_data(&constructor, &js_string!("name").into()))
        .and_then(|name| name.as_string().map(|name| name.to_std_string_escaped()))
        .filter(|name| !name.is_empty() && name != "Object")
        .map_or_else(String::new, |name| format!("{name} "))
}

/// An error as node shows one whose stack has no frames, `[Name: message]` (or its own `stack`
/// when that has frames), then its own enumerable properties, its `cause` and an
/// `AggregateError`'s `errors`: `[Error: x] { code: 1, [cause]: [TypeError: y] }`. Only data
/// properties are read.
fn inspect_error(
    object: &JsObject,
    value: &JsValue,
    depth: usize,
    seen: &mut Seen,
    context: &mut Context,
) -> String {
    let hardened::Error::Thrown(thrown) = hardened::Error::from_value(value) else {
        return "[Error]".into();
    };
    let head = match thrown.stack.as_deref() {
        Some(stack) if stack.contains("\n    at ") => stack.to_owned(),
        _ if thrown.message.is_empty() => format!("[{}]", thrown.name),
        _ => format!("[{}: {}]", thrown.name, thrown.message),
    };
    let mut parts = Vec::new();
    let hidden = ["message", "stack", "cause", "errors"];
    for key in object.own_property_keys(context).unwrap_or_default() {
        let Some(descriptor) = object.borrow().properties().get(&key) else {
            continue;
        };
        let name = key_text(&key);
        if descriptor.enumerable() != Some(true)
            || (matches!(key, PropertyKey::String(_)) && hidden.contains(&name.as_str()))
        {
            continue;
        }
        let shown = match descriptor.value() {
            Some(value) if depth < 2 => inspect_nested(value, depth + 1, seen, context),
            Some(_) => "[Object]".into(),
            None => "[Getter/Setter]".into(),
        };
        parts.push(match key {
            PropertyKey::Symbol(_) => format!("[{name}]: {shown}"),
            _ if is_identifier(&name) => format!("{name}: {shown}"),
            _ => format!("'{name}': {shown}"),
        });
    }
    for (key, label) in [("cause", "[cause]"), ("errors", "[errors]")] {
        let Some(descriptor) = object.borrow().properties().get(&js_string!(key).into()) else {
            continue;
        };
        let shown = match descriptor.value() {
            Some(value) => inspect_nested(value, depth + 1, seen, context),
            None => "[Getter/Setter]".into(),
        };
        parts.push(format!("{label}: {shown}"));
    }
    if parts.is_empty() {
        head
    } else {
        format!("{head} {{ {} }}", parts.join(", "))
    }
}

/// A regular expression as its literal, `/a\/b/gi`, from its internal slots: Boa's natives for
/// the source and each flag, never the `source` and `flags` getters a guest may have replaced.
fn regexp_text(regexp: &boa_engine::object::builtins::JsRegExp, context: &mut Context) -> String {
    let source = regexp.source(context).unwrap_or_default();
    let flags: String = [
        ('d', regexp.has_indices(context)),
        ('g', regexp.global(context)),
        ('i', regexp.ignore_case(context)),
        ('m', regexp.multiline(context)),
        ('s', regexp.dot_all(context)),
        ('u', regexp.unicode(context)),
        ('y', regexp.sticky(context)),
    ]
    .into_iter()
    .filter_map(|(flag, set)| set.unwrap_or(false).then_some(flag))
    .collect();
    format!("/{}/{flags}", escape_slashes(&source))
}

/// Boa 0.22's source of a pattern with a `\` before every `/` (escaped or in a class already
/// too), as the literal is written: only a `/` neither escaped nor in a class is escaped.
fn escape_slashes(boa_source: &str) -> String {
    let pattern = boa_source.replace("\\/", "/");
    let mut out = String::with_capacity(pattern.len());
    let (mut in_class, mut escaped) = (false, false);
    for c in pattern.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '[' {
            in_class = true;
        } else if c == ']' {
            in_class = false;
        } else if c == '/' && !in_class {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Maps, sets, dates, promises and typed arrays as node shows them, read through their
/// internal slots (no guest code runs). At most [`SHOWN`] entries each.
fn inspect_builtin(
    object: &JsObject,
    depth: usize,
    seen: &mut Seen,
    context: &mut Context,
) -> Option<String> {
    use boa_engine::{
        builtins::promise::PromiseState,
        object::builtins::{JsDate, JsMap, JsPromise, JsSet, JsTypedArray},
    };
    // `Name(size) { a, b, ... n more items }`, in braces or (typed arrays) brackets.
    let list = |name: String, brackets: (&str, &str), parts: Vec<String>, more: usize| {
        let more =
            (more > 0).then(|| format!("... {more} more item{}", if more == 1 { "" } else { "s" }));
        let parts: Vec<String> = parts.into_iter().chain(more).collect();
        let (open, close) = brackets;
        if parts.is_empty() {
            format!("{name} {open}{close}")
        } else {
            format!("{name} {open} {} {close}", parts.join(", "))
        }
    };
    if let Ok(map) = JsMap::from_object(object.clone()) {
        let mut entries = Vec::new();
        let mut size = 0;
        let _ = map.for_each_native(|key, value| {
            size += 1;
            if entries.len() < SHOWN {
                entries.push((key, value));
            }
            Ok(())
        });
        let parts = entries
            .iter()
            .map(|(key, value)| {
                let key = inspect_nested(key, depth + 1, seen, context);
                let value = inspect_nested(value, depth + 1, seen, context);
                format!("{key} => {value}")
            })
            .collect();
        return Some(list(
            format!("Map({size})"),
            ("{", "}"),
            parts,
            size - entries.len(),
        ));
    }
    if let Ok(set) = JsSet::from_object(object.clone()) {
        let mut values = Vec::new();
        let size = set.size();
        let _ = set.for_each_native(|value| {
            if values.len() < SHOWN {
                values.push(value);
            }
            Ok(())
        });
        let parts = values
            .iter()
            .map(|value| inspect_nested(value, depth + 1, seen, context))
            .collect();
        return Some(list(
            format!("Set({size})"),
            ("{", "}"),
            parts,
            size - values.len(),
        ));
    }
    if boa_engine::object::builtins::JsWeakMap::from_object(object.clone()).is_ok() {
        return Some("WeakMap { <items unknown> }".into());
    }
    if boa_engine::object::builtins::JsWeakSet::from_object(object.clone()).is_ok() {
        return Some("WeakSet { <items unknown> }".into());
    }
    if let Ok(date) = JsDate::from_object(object.clone()) {
        return Some(match date.to_iso_string(context) {
            Ok(iso) => iso
                .as_string()
                .map_or_else(String::new, |iso| iso.to_std_string_escaped()),
            Err(_) => "Invalid Date".to_owned(),
        });
    }
    if let Ok(promise) = JsPromise::from_object(object.clone()) {
        return Some(match promise.state() {
            PromiseState::Pending => "Promise { <pending> }".to_owned(),
            PromiseState::Fulfilled(value) => {
                format!(
                    "Promise {{ {} }}",
                    inspect_nested(&value, depth + 1, seen, context)
                )
            }
            PromiseState::Rejected(reason) => format!(
                "Promise {{ <rejected> {} }}",
                inspect_nested(&reason, depth + 1, seen, context)
            ),
        });
    }
    if let Ok(array) = JsTypedArray::from_object(object.clone()) {
        let length = array.length(context).unwrap_or(0);
        let name = array
            .kind()
            .map_or_else(|| "TypedArray".to_owned(), |kind| format!("{kind:?}Array"));
        let parts = (0..length.min(SHOWN))
            .map(|index| {
                let value = array.at(index as i64, context).unwrap_or_default();
                inspect_nested(&value, depth + 1, seen, context)
            })
            .collect::<Vec<_>>();
        let more = length - parts.len();
        return Some(list(format!("{name}({length})"), ("[", "]"), parts, more));
    }
    None
}

/// The most entries of a map, set or typed array shown.
const SHOWN: usize = 100;

fn own_data(object: &JsObject, key: &PropertyKey) -> Option<JsValue> {
    object.borrow().properties().get(key)?.value().cloned()
}

fn key_text(key: &PropertyKey) -> String {
    match key {
        PropertyKey::String(s) => s.to_std_string_escaped(),
        PropertyKey::Symbol(s) => s.descriptive_string().to_std_string_escaped(),
        PropertyKey::Index(i) => i.get().to_string(),
    }
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

/// `JSON.stringify(value)` through the engine's own (bounded) `JSON.stringify`: Boa's
/// `JsValue::to_json` reserves room for the length an array claims, so a guest's
/// `{length: 2 ** 32 - 1}`-style array would abort the process. `None` for `undefined`.
pub(crate) fn json_text(value: &JsValue, context: &mut Context) -> JsResult<Option<String>> {
    let json = context.intrinsics().objects().json();
    let stringify = json.get(js_string!("stringify"), context)?;
    let stringify = stringify
        .as_callable()
        .ok_or_else(|| JsNativeError::typ().with_message("JSON.stringify is not callable"))?;
    let text = stringify.call(&json.into(), std::slice::from_ref(value), context)?;
    Ok(text.as_string().map(|text| text.to_std_string_escaped()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_coloured_as_node_colours_them_only_when_asked() {
        let mut context = Context::default();
        let value = context
            .eval(boa_engine::Source::from_bytes(
                "[1, 'a', undefined, null, /r/g, function f() {}]",
            ))
            .unwrap();
        assert_eq!(
            inspect(&value, &mut context),
            "[ 1, 'a', undefined, null, /r/g, [Function: f] ]"
        );
        use_colors(true);
        let coloured = inspect(&value, &mut context);
        use_colors(false);
        assert_eq!(
            coloured,
            "[ \x1b[33m1\x1b[39m, \x1b[32m'a'\x1b[39m, \x1b[90mundefined\x1b[39m, \
             \x1b[1mnull\x1b[22m, \x1b[31m/r/g\x1b[39m, \x1b[36m[Function: f]\x1b[39m ]"
        );
    }
}
