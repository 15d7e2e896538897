//! Typed errors of the Rust API.

use boa_engine::{JsError, JsValue};

/// What went wrong in a call into the engine.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Guest code threw (or a promise it returned was rejected).
    #[error("{0}")]
    Thrown(#[from] ThrownError),
    /// The engine refused to run: a runtime limit was hit or Boa reported an internal error.
    /// Guest code cannot catch these.
    #[error("engine error: {0}")]
    Engine(String),
    /// Guest code ran into one of the engine's [`Limits`](crate::Limits); guest code cannot
    /// catch this, and the engine stays usable.
    #[error("limit reached: {0}")]
    Limit(crate::Limit),
    /// A JavaScript value could not be converted to the Rust type that was asked for.
    #[error("cannot convert the result: {0}")]
    Conversion(String),
    /// Boa panicked (an engine bug that guest input reached). The panic was contained at the
    /// API boundary, but Boa's state may be inconsistent, so the engine refuses every later
    /// call with this error: drop it and build a new one.
    #[error("the engine is unusable: Boa panicked: {0}")]
    Unusable(String),
    /// Something of another engine was used with this one: a compartment handle (passed, or
    /// aliased by a module map), or a function guest code called (another engine's builtin,
    /// `lockdown`, a compartment's `eval`). Each runs only in its own engine; guest code cannot
    /// catch the refusal.
    #[error("{0} belongs to another engine")]
    WrongEngine(String),
    /// A supervised worker process could not be started or ended without an answer for a reason
    /// that is not one of its limits (it crashed, or broke the protocol). The pool replaces it.
    #[error("worker failed: {0}")]
    Worker(String),
}

/// A JavaScript exception that reached the host.
///
/// `name` and `message` are what guest code sees; `stack` is for the host only and is never
/// shown to guests.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name}: {message}")]
#[non_exhaustive]
pub struct ThrownError {
    /// The error's `name` (`TypeError`, `SyntaxError`, ...), or `"Uncaught"` when the thrown
    /// value is not an error object.
    pub name: String,
    /// The error's `message`, or the thrown value rendered as text.
    pub message: String,
    /// The `name` of the error's constructor (what test262 compares; `Test262Error` instances
    /// have no `name` of their own), when it is found through data properties.
    pub constructor: Option<String>,
    /// The stack: the error's own `stack` when guest code set one, else its frames as V8 and
    /// SES print them (`    at f (main.js:2:7)`, one a line).
    pub stack: Option<String>,
    /// Where the error was made, innermost first, positions in the guest's own sources (see
    /// [`Source`](crate::Source)). Empty for a value that is not an error object. Function
    /// names are guest-chosen.
    pub frames: Vec<crate::Frame>,
}

impl ThrownError {
    /// The innermost position in guest code: where the error was made.
    #[must_use]
    pub fn location(&self) -> Option<&crate::Location> {
        self.frames.iter().find_map(|frame| frame.location.as_ref())
    }
}

/// Result of a call into the engine.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Describes a thrown (or rejection) value, reading only its own and inherited data
    /// properties so that no guest getter runs.
    #[must_use]
    pub fn from_value(value: &JsValue) -> Self {
        Self::Thrown(thrown_value(value))
    }

    /// Describes `error` with the frames of the error object it is or becomes (a native error
    /// is made into one, as a guest `catch` would see it).
    pub(crate) fn from_js_in(error: JsError, context: &mut boa_engine::Context) -> Self {
        if error.as_engine().is_some() {
            return Self::from_js(error);
        }
        let value = match error.into_opaque(context) {
            Ok(value) => value,
            Err(error) => return Self::from_js(error),
        };
        let mut described = thrown_value(&value);
        // A thrown object that is not an error (`throw { code: 42 }`): its own data, shown.
        if described.name == "Uncaught"
            && described.message.is_empty()
            && let Some(object) = value.as_object()
        {
            let mut text = String::new();
            shape(
                &object,
                0,
                &mut text,
                &mut std::collections::HashSet::new(),
                context,
            );
            described.message = text;
        }
        described.frames = crate::location::frames_of(&value, context);
        if described.stack.is_none() && !described.frames.is_empty() {
            described.stack = Some(crate::location::render(&described.frames));
        }
        Self::Thrown(described)
    }

    pub(crate) fn from_js(error: JsError) -> Self {
        if let Some(limit) = crate::Limit::of(&error) {
            return Self::Limit(limit);
        }
        if crate::boa::uncatchable::uncatchable_tag(&error) == Some(crate::identity::WRONG_ENGINE) {
            return Self::WrongEngine("a function guest code called".into());
        }
        if let Some(engine) = error.as_engine() {
            return Self::Engine(engine.to_string());
        }
        if let Some(native) = error.as_native() {
            let name = crate::boa::error_names::native_error_name(native.kind());
            return Self::Thrown(ThrownError {
                constructor: Some(name.clone()),
                name,
                message: native.message().to_string(),
                stack: None,
                frames: Vec::new(),
            });
        }
        Self::Thrown(thrown_value(
            error.as_opaque().unwrap_or(&JsValue::undefined()),
        ))
    }
}

/// How much of a thrown non-error object [`shape`] shows.
const SHAPE_DEPTH: usize = 3;
const SHAPE_ENTRIES: usize = 16;
const SHAPE_TEXT: usize = 1024;

/// Renders `object` as node shows a value (`{ code: 42 }`, `[ 1, 2 ]`) from its own data
/// properties only: no getter or proxy trap runs, depth, entries and length are bounded.
fn shape(
    object: &boa_engine::JsObject,
    depth: usize,
    out: &mut String,
    seen: &mut std::collections::HashSet<boa_engine::JsObject>,
    context: &mut boa_engine::Context,
) {
    if object.is::<boa_engine::builtins::proxy::Proxy>() || object.is_callable() {
        out.push_str(if object.is_callable() {
            "[Function]"
        } else {
            "[Proxy]"
        });
        return;
    }
    // Keys made from the contents are not listed, and each object's keys are listed once:
    // the work is bounded by what the guest holds, not by how often it refers to it.
    if crate::commons::has_many_synthesized_keys(object) {
        out.push_str(if object.is::<boa_engine::JsString>() {
            "[String]"
        } else {
            "[TypedArray]"
        });
        return;
    }
    if !seen.insert(object.clone()) {
        out.push_str("[Circular or repeated]");
        return;
    }
    let array = object.is_array();
    if depth >= SHAPE_DEPTH {
        out.push_str(if array { "[Array]" } else { "[Object]" });
        return;
    }
    let keys = object.own_property_keys(context).unwrap_or_default();
    out.push_str(if array { "[" } else { "{" });
    let mut shown = 0;
    for key in &keys {
        if out.len() > SHAPE_TEXT {
            break;
        }
        let Some(descriptor) = object.borrow().properties().get(key) else {
            continue;
        };
        if descriptor.enumerable() != Some(true)
            || matches!(key, boa_engine::property::PropertyKey::Symbol(_))
        {
            continue;
        }
        if shown == SHAPE_ENTRIES {
            out.push_str(" ...");
            break;
        }
        out.push_str(if shown == 0 { " " } else { ", " });
        shown += 1;
        let is_index = matches!(key, boa_engine::property::PropertyKey::Index(_));
        if !(array && is_index) {
            out.push_str(&format!("{key}: "));
        }
        match descriptor.value() {
            Some(value) => match value.as_object() {
                Some(inner) => shape(&inner, depth + 1, out, seen, context),
                None => match value.as_string() {
                    // At most the room left, however long the guest's string.
                    Some(text) => out.push_str(&format!("'{}'", cut(&text, SHAPE_TEXT))),
                    None => out.push_str(&value.display().to_string()),
                },
            },
            None => out.push_str("[Getter/Setter]"),
        }
    }
    out.push_str(match (shown, array) {
        (0, true) => "]",
        (0, false) => "}",
        (_, true) => " ]",
        (_, false) => " }",
    });
    if out.len() > SHAPE_TEXT {
        let mut end = SHAPE_TEXT;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
        out.push_str("...");
    }
}

/// Describes a thrown value by its own data properties only, so a hostile getter cannot run.
/// How much of a guest string (a name, a message, a stack) an error description copies: the
/// guest chooses the length, and one error may be described many times.
const DESCRIBED: usize = 1 << 16;

/// The first `limit` code units of `text`, with `…` when there were more.
fn cut(text: &boa_engine::JsString, limit: usize) -> String {
    let mut shown: String = char::decode_utf16(text.iter().take(limit))
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if text.len() > limit {
        shown.push('…');
    }
    shown
}

fn thrown_value(value: &JsValue) -> ThrownError {
    let Some(object) = value.as_object() else {
        return ThrownError {
            name: "Uncaught".into(),
            message: match value.as_string() {
                Some(text) => cut(&text, DESCRIBED),
                None => value.display().to_string(),
            },
            constructor: None,
            stack: None,
            frames: Vec::new(),
        };
    };
    // Proxies and other exotic objects answer only through traps: leave them undescribed.
    // A data property, or lockdown's override-enabling accessor, whose getter carries the
    // value as `originalValue`.
    let data = |holder: &boa_engine::JsObject, key: &str| -> Option<JsValue> {
        let own = |object: &boa_engine::JsObject, key: &str| {
            object
                .borrow()
                .properties()
                .get(&boa_engine::js_string!(key).into())
        };
        let descriptor = own(holder, key)?;
        match descriptor.value() {
            Some(value) => Some(value.clone()),
            None => own(&descriptor.get()?.as_object()?, "originalValue")?
                .value()
                .cloned(),
        }
    };
    let data_string = |holder: &boa_engine::JsObject, key: &str| {
        data(holder, key)?.as_string().map(|s| cut(&s, DESCRIBED))
    };
    // The first data property `key` along the prototype chain, stopping at proxies.
    let inherited = |key: &str| {
        let mut holder = Some(object.clone());
        for _ in 0..64 {
            let current = holder?;
            if current.is::<boa_engine::builtins::proxy::Proxy>() {
                return None;
            }
            if let Some(value) = data(&current, key) {
                return Some(value);
            }
            holder = current.prototype();
        }
        None
    };
    let name = inherited("name").and_then(|name| name.as_string().map(|s| cut(&s, DESCRIBED)));
    let constructor = inherited("constructor")
        .and_then(|constructor| constructor.as_object())
        .filter(|constructor| !constructor.is::<boa_engine::builtins::proxy::Proxy>())
        .and_then(|constructor| data_string(&constructor, "name"));
    ThrownError {
        name: name.unwrap_or_else(|| "Uncaught".into()),
        constructor,
        message: data_string(&object, "message").unwrap_or_default(),
        stack: data_string(&object, "stack"),
        frames: Vec::new(),
    }
}
