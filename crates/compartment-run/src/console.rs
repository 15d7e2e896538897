//! The `console` capability: `log`/`info` write to stdout, `error`/`warn` to stderr, formatting
//! values the way Node's console does (strings as they are, `%s`/`%d`/`%i`/`%f`/`%j`/`%o`/`%O`
//! substitutions in a leading string, other values inspected).

use std::io::Write;

use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsValue, NativeFunction, js_string,
    object::{IntegrityLevel, ObjectInitializer},
    property::PropertyKey,
};

/// Builds a frozen `console` object.
pub fn console(context: &mut Context) -> JsResult<JsObject> {
    let console = ObjectInitializer::new(context)
        .function(NativeFunction::from_fn_ptr(log), js_string!("log"), 0)
        .function(NativeFunction::from_fn_ptr(log), js_string!("info"), 0)
        .function(NativeFunction::from_fn_ptr(error), js_string!("error"), 0)
        .function(NativeFunction::from_fn_ptr(error), js_string!("warn"), 0)
        .build();
    console.set_integrity_level(IntegrityLevel::Frozen, context)?;
    Ok(console)
}

fn log(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let line = format_args(args, context)?;
    // A closed stdout (e.g. piped into `head`) is not the guest's error.
    let _ = writeln!(std::io::stdout().lock(), "{line}");
    Ok(JsValue::undefined())
}

fn error(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let line = format_args(args, context)?;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
    Ok(JsValue::undefined())
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
/// containers, accessors as `[Getter]`/`[Setter]` (never invoked), cycles as `[Circular]`.
pub fn inspect(value: &JsValue, context: &mut Context) -> String {
    let mut seen = Vec::new();
    inspect_nested(value, 0, &mut seen, context)
}

fn inspect_nested(
    value: &JsValue,
    depth: usize,
    seen: &mut Vec<JsObject>,
    context: &mut Context,
) -> String {
    let Some(object) = value.as_object() else {
        return match value.as_string() {
            Some(s) if depth > 0 => format!("'{}'", s.to_std_string_escaped().replace('\'', "\\'")),
            _ => value.display().to_string(),
        };
    };
    if object.is_callable() {
        let name = own_data(&object, &js_string!("name").into())
            .and_then(|v| v.as_string().map(|s| s.to_std_string_escaped()))
            .unwrap_or_default();
        let class = object.is_constructor() && name.chars().next().is_some_and(char::is_uppercase);
        return match (class, name.is_empty()) {
            (true, false) => format!("[class {name}]"),
            (false, false) => format!("[Function: {name}]"),
            (_, true) => "[Function (anonymous)]".into(),
        };
    }
    if object.is::<boa_engine::builtins::error::Error>() {
        return hardened::Error::from_value(value).to_string();
    }
    if seen.contains(&object) {
        return "[Circular]".into();
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
    let keys = object.own_property_keys(context).unwrap_or_default();
    let mut parts = Vec::new();
    for key in keys {
        let Some(descriptor) = object.borrow().properties().get(&key) else {
            continue;
        };
        if descriptor.enumerable() != Some(true)
            || (is_array && key == PropertyKey::from(js_string!("length")))
        {
            continue;
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
            PropertyKey::Index(_) if is_array => parts.push(shown),
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
    seen.pop();
    let (open, close) = if is_array { ("[", "]") } else { ("{", "}") };
    if parts.is_empty() {
        format!("{open}{close}")
    } else {
        format!("{open} {} {close}", parts.join(", "))
    }
}

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
