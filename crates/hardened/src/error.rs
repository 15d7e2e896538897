//! Typed errors of the Rust API.

use boa_engine::{JsError, JsValue};

/// What went wrong in a call into the engine.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Guest code threw (or a promise it returned was rejected).
    #[error("{0}")]
    Thrown(#[from] ThrownError),
    /// The engine refused to run: a runtime limit was hit or Boa reported an internal error.
    /// Guest code cannot catch these.
    #[error("engine error: {0}")]
    Engine(String),
    /// A JavaScript value could not be converted to the Rust type that was asked for.
    #[error("cannot convert the result: {0}")]
    Conversion(String),
}

/// A JavaScript exception that reached the host.
///
/// `name` and `message` are what guest code sees; `stack` is for the host only and is never
/// shown to guests.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name}: {message}")]
pub struct ThrownError {
    /// The error's `name` (`TypeError`, `SyntaxError`, ...), or `"Uncaught"` when the thrown
    /// value is not an error object.
    pub name: String,
    /// The error's `message`, or the thrown value rendered as text.
    pub message: String,
    /// The error's `stack` when it has one.
    pub stack: Option<String>,
}

/// Result of a call into the engine.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Converts a Boa error into a typed error, reading `name`, `message` and `stack` of thrown
    /// error objects without running guest code (no getters are invoked).
    pub(crate) fn from_js(error: JsError) -> Self {
        if let Some(engine) = error.as_engine() {
            return Self::Engine(engine.to_string());
        }
        if let Some(native) = error.as_native() {
            return Self::Thrown(ThrownError {
                name: native.kind().to_string(),
                message: native.message().to_string(),
                stack: None,
            });
        }
        Self::Thrown(thrown_value(error.as_opaque().unwrap_or(&JsValue::undefined())))
    }
}

/// Describes a thrown value by its own data properties only, so a hostile getter cannot run.
fn thrown_value(value: &JsValue) -> ThrownError {
    let Some(object) = value.as_object() else {
        return ThrownError {
            name: "Uncaught".into(),
            message: value.display().to_string(),
            stack: None,
        };
    };
    let own_string = |key: &str| -> Option<String> {
        let descriptor = object
            .borrow()
            .properties()
            .get(&boa_engine::js_string!(key).into())?;
        descriptor
            .value()
            .and_then(JsValue::as_string)
            .map(|s| s.to_std_string_escaped())
    };
    let inherited_name = || {
        let prototype = object.prototype()?;
        let descriptor = prototype
            .borrow()
            .properties()
            .get(&boa_engine::js_string!("name").into())?;
        descriptor
            .value()
            .and_then(JsValue::as_string)
            .map(|s| s.to_std_string_escaped())
    };
    ThrownError {
        name: own_string("name")
            .or_else(inherited_name)
            .unwrap_or_else(|| "Uncaught".into()),
        message: own_string("message").unwrap_or_default(),
        stack: own_string("stack"),
    }
}
