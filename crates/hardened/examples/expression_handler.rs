//! A "run an untrusted expression" endpoint: `Handler::handle(request_body)` takes
//! `{"expression": "..."}`, evaluates it in a fresh compartment of a locked-down engine under
//! runaway-code limits, and answers `(status, json_body)`:
//!
//! | status | body |
//! |---|---|
//! | 200 | `{"ok":true,"type":"number","value":7}` (`value` is `JSON.stringify`'s view of the result; a promise is awaited) |
//! | 400 | `{"ok":false,"error":{"name":"BadRequest","message":...}}`: not JSON, or no `expression` string |
//! | 413 | the request body or the result is too large |
//! | 422 | the expression threw (`SyntaxError`, `TypeError`, ...) or hit a limit (`LimitExceeded`) |
//! | 500 | the engine itself failed |
//!
//! `main` runs it on friendly and hostile inputs, then serves a few requests over HTTP on
//! 127.0.0.1 (an ephemeral port, a fixed number of requests) to show it behind a socket.
//!
//! An [`Engine`] is not `Send`: a server keeps one `Handler` per worker thread (see
//! `engine_pool.rs`). Each request gets a new compartment, so nothing one request does to its
//! globals is seen by the next; the shared intrinsics are frozen by lockdown.
//!
//! Run it with `cargo run --release -p hardened --example expression_handler`.

use std::{
    io::{BufRead, BufReader, Read, Write},
    net::{TcpListener, TcpStream},
    thread,
    time::Duration,
};

use boa_engine::{JsValue, builtins::promise::PromiseState, object::builtins::JsPromise};
use hardened::{CompartmentOptions, Engine, Error, Limits, LockdownOptions};
use serde_json::{Value as Json, json};

type BoxError = Box<dyn std::error::Error>;

/// Requests and results larger than this are refused: memory is the one thing the engine's
/// limits do not bound (see docs/security.md).
const MAX_BODY: usize = 64 * 1024;
const MAX_RESULT: usize = 64 * 1024;

/// Evaluates untrusted expressions, one fresh compartment per request.
struct Handler {
    engine: Engine,
}

impl Handler {
    fn new() -> Result<Self, Error> {
        Ok(Self {
            engine: Self::engine()?,
        })
    }

    fn engine() -> Result<Engine, Error> {
        let mut engine = Engine::new()?;
        engine.lockdown(LockdownOptions::default())?;
        // A loop limit stops tight loops that touch no global, which the timeout alone cannot.
        engine.set_limits(
            Limits::new()
                .loop_iterations(100_000)
                .recursion(128)
                .timeout(Duration::from_millis(250))
                .pending_jobs(1_000),
        );
        Ok(engine)
    }

    /// Answers one request: `(HTTP status, JSON body)`.
    fn handle(&mut self, request_body: &str) -> (u16, String) {
        if request_body.len() > MAX_BODY {
            return failure(413, "PayloadTooLarge", "the request body is over 64 KiB");
        }
        let expression = match serde_json::from_str::<Json>(request_body) {
            Ok(Json::Object(mut fields)) => match fields.remove("expression") {
                Some(Json::String(expression)) => expression,
                _ => return failure(400, "BadRequest", "expected {\"expression\": string}"),
            },
            Ok(_) => return failure(400, "BadRequest", "expected {\"expression\": string}"),
            Err(error) => return failure(400, "BadRequest", &error.to_string()),
        };
        match self.evaluate(&expression) {
            Ok((kind, value)) => {
                let body = format!(
                    r#"{{"ok":true,"type":{},"value":{value}}}"#,
                    Json::from(kind)
                );
                if body.len() > MAX_RESULT {
                    return failure(413, "PayloadTooLarge", "the result is over 64 KiB");
                }
                (200, body)
            }
            Err(Error::Thrown(thrown)) => failure(422, &thrown.name, &thrown.message),
            Err(Error::Limit(limit)) => failure(422, "LimitExceeded", &limit.to_string()),
            Err(Error::Conversion(message)) => failure(422, "TypeError", &message),
            // Boa panicked: the engine refuses further work, so the next request gets a new one.
            Err(error @ Error::Unusable(_)) => match Self::engine() {
                Ok(engine) => {
                    self.engine = engine;
                    failure(500, "InternalError", &error.to_string())
                }
                Err(rebuild) => failure(500, "InternalError", &rebuild.to_string()),
            },
            Err(other) => failure(500, "InternalError", &other.to_string()),
        }
    }

    /// Evaluates in a fresh compartment; returns the result's `typeof` and its JSON text.
    fn evaluate(&mut self, expression: &str) -> Result<(String, String), Error> {
        let request = self
            .engine
            .new_compartment(CompartmentOptions::new().name("request"))?;
        let value = self.engine.evaluate_value(&request, expression);
        // The promise jobs this request queued run now, under its limits, even if it failed:
        // left in the queue, they would run during the next request.
        let drained = self.engine.run_jobs();
        let mut value = value?;
        drained?;
        if let Some(promise) = value
            .as_object()
            .and_then(|object| JsPromise::from_object(object).ok())
        {
            value = match promise.state() {
                PromiseState::Fulfilled(value) => value,
                PromiseState::Rejected(reason) => return Err(Error::from_value(&reason)),
                PromiseState::Pending => {
                    return Err(Error::Conversion("the promise never settled".into()));
                }
            };
        }
        self.describe(value)
    }

    /// `typeof` and `JSON.stringify` of a guest value. They run as guest code (a `toJSON` or a
    /// getter may be hostile) through `Engine::evaluate`, so the limits apply, in a compartment
    /// the request never saw, so it cannot have replaced `JSON`.
    fn describe(&mut self, value: JsValue) -> Result<(String, String), Error> {
        let serializer = self.engine.new_compartment(
            CompartmentOptions::new()
                .name("serializer")
                .global("value", value),
        )?;
        let text: String = self.engine.evaluate(
            &serializer,
            "JSON.stringify({ type: typeof value, value: JSON.stringify(value) })",
        )?;
        let described: Json =
            serde_json::from_str(&text).map_err(|e| Error::Conversion(e.to_string()))?;
        let kind = described["type"].as_str().unwrap_or("undefined").to_owned();
        let value = match described["value"].as_str() {
            // Checked, then passed on as the engine wrote it (keys keep their order).
            Some(json) => match serde_json::from_str::<Json>(json) {
                Ok(_) => json.to_owned(),
                Err(error) => return Err(Error::Conversion(error.to_string())),
            },
            None => "null".to_owned(), // undefined, a function or a symbol: nothing JSON can show
        };
        Ok((kind, value))
    }
}

fn failure(status: u16, name: &str, message: &str) -> (u16, String) {
    let (name, message) = (Json::from(name), Json::from(message));
    let body = format!(r#"{{"ok":false,"error":{{"name":{name},"message":{message}}}}}"#);
    (status, body)
}

/// Serves `requests` HTTP requests (`POST` with a JSON body), one at a time, then returns.
/// Just enough HTTP/1.1 for the example: no keep-alive, no chunked bodies.
fn serve(listener: &TcpListener, requests: usize) -> Result<(), BoxError> {
    let mut handler = Handler::new()?;
    for stream in listener.incoming().take(requests) {
        let mut stream = stream?;
        // A client that stops sending cannot hold the server forever.
        stream.set_read_timeout(Some(Duration::from_secs(5)))?;
        let (status, body) = match read_request(&stream) {
            Ok(Some(body)) => handler.handle(&body),
            Ok(None) => failure(413, "PayloadTooLarge", "the request body is over 64 KiB"),
            Err(error) => failure(400, "BadRequest", &error.to_string()),
        };
        let reason = match status {
            200 => "OK",
            400 => "Bad Request",
            413 => "Content Too Large",
            422 => "Unprocessable Content",
            _ => "Internal Server Error",
        };
        write!(
            stream,
            "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        )?;
    }
    Ok(())
}

/// Reads one request's body (`None`: over the size limit, not read).
fn read_request(stream: &TcpStream) -> Result<Option<String>, BoxError> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    if !line.starts_with("POST ") {
        return Err(format!("expected a POST request, got {:?}", line.trim_end()).into());
    }
    let mut length = 0;
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse()?;
        }
    }
    if length > MAX_BODY {
        return Ok(None);
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(Some(String::from_utf8(body)?))
}

/// A minimal HTTP client for the demonstration: `(status, body)`.
fn post(address: std::net::SocketAddr, body: &str) -> Result<(u16, String), BoxError> {
    let mut stream = TcpStream::connect(address)?;
    write!(
        stream,
        "POST /evaluate HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or("no status line")?;
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
        .ok_or("no body")?;
    Ok((status, body))
}

/// `(label, request body)` pairs: what `main` sends.
fn requests() -> Vec<(String, String)> {
    let expression = |source: &str| json!({ "expression": source }).to_string();
    let mut requests: Vec<(String, String)> = [
        "1 + 2 * 3",
        "[1, 2, 3].map(x => x * x)",
        "({ tags: ['b', 'a'].sort(), name: 'widget' })",
        "(async () => 'awaited')()",
        "globalThis.leak = 'mine'",
        "typeof leak",
        "typeof process",
        "for(;;){}",
        "Promise.resolve().then(() => { for (;;) {} }); 'queued a runaway job'",
        "'the next request is not charged for it'",
        "(function f() { return f(); })()",
        "globalThis.constructor.constructor('return process')()",
        "Date.now()",
        "Math.random()",
        "10n ** 20n",
        "1 +",
        "eval('1')",
        "Promise.reject(new RangeError('no'))",
    ]
    .iter()
    .map(|source| (source.to_string(), expression(source)))
    .collect();
    let deep = format!("{}{}", "[".repeat(20_000), "]".repeat(20_000));
    requests.push(("[[[...]]] nested 20000 deep".into(), expression(&deep)));
    requests.push(("a body that is not JSON".into(), "expression: 1".into()));
    requests.push((
        "a body without \"expression\"".into(),
        r#"{"expr": "1"}"#.into(),
    ));
    requests.push(("a 100 KiB body".into(), expression(&" ".repeat(100 * 1024))));
    requests
}

/// Runs every request through the handler directly, then three over HTTP; returns the
/// transcript `main` prints.
fn transcript() -> Result<String, BoxError> {
    let mut out = String::new();
    let mut handler = Handler::new()?;
    for (label, body) in requests() {
        let (status, response) = handler.handle(&body);
        out.push_str(&format!("{label}\n  {status} {response}\n"));
    }
    // Over a socket: a server thread with its own engine answers a fixed number of requests.
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let address = listener.local_addr()?;
    let bodies = [
        json!({ "expression": "'over HTTP: ' + [3, 1, 2].sort()" }).to_string(),
        json!({ "expression": "while (true) {}" }).to_string(),
        "{".to_owned(),
    ];
    let server = thread::Builder::new()
        .name("http".into())
        .spawn(move || serve(&listener, 3).map_err(|error| error.to_string()))?;
    for body in &bodies {
        let (status, response) = post(address, body)?;
        out.push_str(&format!("POST {body}\n  {status} {response}\n"));
    }
    server.join().map_err(|_| "the server thread panicked")??;
    Ok(out)
}

fn main() -> Result<(), BoxError> {
    print!("{}", transcript()?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs() {
        main().unwrap();
    }

    #[test]
    fn every_request_gets_a_clean_answer() {
        let expected = r#"1 + 2 * 3
  200 {"ok":true,"type":"number","value":7}
[1, 2, 3].map(x => x * x)
  200 {"ok":true,"type":"object","value":[1,4,9]}
({ tags: ['b', 'a'].sort(), name: 'widget' })
  200 {"ok":true,"type":"object","value":{"tags":["a","b"],"name":"widget"}}
(async () => 'awaited')()
  200 {"ok":true,"type":"string","value":"awaited"}
globalThis.leak = 'mine'
  200 {"ok":true,"type":"string","value":"mine"}
typeof leak
  200 {"ok":true,"type":"string","value":"undefined"}
typeof process
  200 {"ok":true,"type":"string","value":"undefined"}
for(;;){}
  422 {"ok":false,"error":{"name":"LimitExceeded","message":"a loop exceeded the iteration limit"}}
Promise.resolve().then(() => { for (;;) {} }); 'queued a runaway job'
  422 {"ok":false,"error":{"name":"LimitExceeded","message":"a loop exceeded the iteration limit"}}
'the next request is not charged for it'
  200 {"ok":true,"type":"string","value":"the next request is not charged for it"}
(function f() { return f(); })()
  422 {"ok":false,"error":{"name":"LimitExceeded","message":"calls exceeded the recursion limit"}}
globalThis.constructor.constructor('return process')()
  422 {"ok":false,"error":{"name":"TypeError","message":"Function.prototype.constructor is not a valid constructor."}}
Date.now()
  422 {"ok":false,"error":{"name":"TypeError","message":"secure mode Calling %SharedDate%.now() throws"}}
Math.random()
  422 {"ok":false,"error":{"name":"TypeError","message":"secure mode %SharedMath%.random() throws"}}
10n ** 20n
  422 {"ok":false,"error":{"name":"TypeError","message":"cannot serialize a BigInt to JSON"}}
1 +
  422 {"ok":false,"error":{"name":"SyntaxError","message":"abrupt end"}}
eval('1')
  422 {"ok":false,"error":{"name":"SyntaxError","message":"direct eval is not supported in compartment code (line 1, column 5); call eval indirectly, e.g. (0, eval)(source)"}}
Promise.reject(new RangeError('no'))
  422 {"ok":false,"error":{"name":"RangeError","message":"no"}}
[[[...]]] nested 20000 deep
  422 {"ok":false,"error":{"name":"SyntaxError","message":"source nests too deeply to be parsed safely"}}
a body that is not JSON
  400 {"ok":false,"error":{"name":"BadRequest","message":"expected value at line 1 column 1"}}
a body without "expression"
  400 {"ok":false,"error":{"name":"BadRequest","message":"expected {\"expression\": string}"}}
a 100 KiB body
  413 {"ok":false,"error":{"name":"PayloadTooLarge","message":"the request body is over 64 KiB"}}
POST {"expression":"'over HTTP: ' + [3, 1, 2].sort()"}
  200 {"ok":true,"type":"string","value":"over HTTP: 1,2,3"}
POST {"expression":"while (true) {}"}
  422 {"ok":false,"error":{"name":"LimitExceeded","message":"a loop exceeded the iteration limit"}}
POST {
  400 {"ok":false,"error":{"name":"BadRequest","message":"EOF while parsing an object at line 1 column 1"}}
"#;
        assert_eq!(transcript().unwrap(), expected);
    }
}
