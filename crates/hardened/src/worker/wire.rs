//! The protocol between a pool and its workers: one JSON object per line. The pool writes the
//! worker's configuration, then requests; the worker answers `{"ready":true}` once, then one
//! answer per request, in order.
//!
//! - request: `{"id":N,"evaluate":SOURCE}` or `{"id":N,"call":[MODULE,EXPORT,[ARGS...]]}`
//! - answer: `{"id":N,"ok":VALUE}` or `{"id":N,"error":ERROR}` (see [`error_json`])

use serde_json::{Value as Json, json};

use crate::{Error, Limit, ThrownError};

/// Set in a worker's environment: the process serves requests instead of running `main`.
pub(crate) const WORKER_ENV: &str = "HARDENED_WORKER";

/// The longest text of an error (message or stack) a worker sends.
pub(crate) const MAX_ERROR_TEXT: usize = 16 << 10;

/// Every [`Limit`], to read one back from its name.
const LIMITS: [Limit; 9] = [
    Limit::LoopIterations,
    Limit::Recursion,
    Limit::StackSize,
    Limit::Timeout,
    Limit::PendingJobs,
    Limit::Memory,
    Limit::Cpu,
    Limit::Instructions,
    Limit::Interrupted,
];

fn limit_name(limit: Limit) -> String {
    format!("{limit:?}")
}

/// `text`, cut to [`MAX_ERROR_TEXT`] bytes at a character boundary.
fn clip(text: &str) -> &str {
    let mut end = text.len().min(MAX_ERROR_TEXT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// An error as the worker sends it.
pub(crate) fn error_json(error: &Error) -> Json {
    match error {
        Error::Thrown(thrown) => json!({
            "kind": "thrown",
            "name": clip(&thrown.name),
            "message": clip(&thrown.message),
            "constructor": thrown.constructor.as_deref().map(clip),
            "stack": thrown.stack.as_deref().map(clip),
        }),
        Error::Limit(limit) => json!({ "kind": "limit", "limit": limit_name(*limit) }),
        Error::Engine(message) => json!({ "kind": "engine", "message": clip(message) }),
        Error::Conversion(message) => json!({ "kind": "conversion", "message": clip(message) }),
        Error::Unusable(message) => json!({ "kind": "unusable", "message": clip(message) }),
        Error::WrongEngine(name) => json!({ "kind": "wrong-engine", "message": clip(name) }),
        Error::Worker(message) => json!({ "kind": "worker", "message": clip(message) }),
    }
}

/// An error as the pool reads it back.
pub(crate) fn error_from_json(error: &Json) -> Error {
    let text = |key: &str| error.get(key).and_then(Json::as_str).map(str::to_owned);
    let message = || text("message").unwrap_or_default();
    match error.get("kind").and_then(Json::as_str) {
        Some("thrown") => Error::Thrown(ThrownError {
            name: text("name").unwrap_or_default(),
            message: message(),
            constructor: text("constructor"),
            stack: text("stack"),
            frames: Vec::new(),
        }),
        Some("limit") => match LIMITS
            .into_iter()
            .find(|limit| Some(limit_name(*limit)) == text("limit"))
        {
            Some(limit) => Error::Limit(limit),
            None => Error::Worker(format!("unknown limit in the answer: {error}")),
        },
        Some("engine") => Error::Engine(message()),
        Some("conversion") => Error::Conversion(message()),
        Some("unusable") => Error::Unusable(message()),
        Some("wrong-engine") => Error::WrongEngine(message()),
        _ => Error::Worker(message()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_survive_the_wire() {
        let thrown = Error::Thrown(ThrownError {
            name: "RangeError".into(),
            message: "é".repeat(MAX_ERROR_TEXT),
            constructor: Some("RangeError".into()),
            stack: None,
            frames: Vec::new(),
        });
        let Error::Thrown(back) = error_from_json(&error_json(&thrown)) else {
            panic!("not thrown");
        };
        assert_eq!(back.name, "RangeError");
        assert_eq!(back.message.len(), MAX_ERROR_TEXT);
        for limit in LIMITS {
            assert!(matches!(
                error_from_json(&error_json(&Error::Limit(limit))),
                Error::Limit(back) if back == limit
            ));
        }
    }
}
