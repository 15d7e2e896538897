//! The capabilities `compartment-run` can grant, each a small host object hardened before the
//! guest sees it. Nothing is granted unless named on the command line.
//!
//! | flag | global | what it can do |
//! |---|---|---|
//! | (always) | `console` | node's set (`log`, `debug`, `dir`, `count`, `time`, `group`, `assert`, `trace`, ...): stdout or, under `--json`, stderr; `error`/`warn` to stderr |
//! | `--allow-read DIR` | `readFile(path)` | read a UTF-8 file under DIR (relative to DIR; no escape through `..` or symbolic links) |
//! | `--allow-env NAME` | `env` | an object of the named environment variables that are set |
//! | `--allow-time` | `clock` | `clock.now()`: milliseconds since the epoch; `clock.monotonic()`: milliseconds since start |

use std::{
    path::{Component, Path, PathBuf},
    time::Instant,
};

use boa_engine::{
    Context, JsArgs, JsNativeError, JsObject, JsString, JsValue, NativeFunction, js_string,
    object::{FunctionObjectBuilder, ObjectInitializer},
    property::Attribute,
};
use boa_gc::{Finalize, Trace};

/// A directory the guest may read.
#[derive(Trace, Finalize)]
struct ReadRoot(#[unsafe_ignore_trace] PathBuf);

/// `readFile(path)`: the text of a file under `root`.
pub fn read_file(root: PathBuf, context: &mut Context) -> JsObject {
    let function = NativeFunction::from_copy_closure_with_captures(
        |_, args, root: &ReadRoot, context| {
            let path = args.get_or_undefined(0).to_string(context)?;
            let path = path.to_std_string_escaped();
            let denied = |why: &str| -> boa_engine::JsError {
                JsNativeError::typ()
                    .with_message(format!("readFile(\"{path}\"): {why}"))
                    .into()
            };
            let relative = Path::new(&path);
            if relative
                .components()
                .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
            {
                return Err(denied(
                    "only paths inside the readable directory are allowed",
                ));
            }
            let real = root
                .0
                .join(relative)
                .canonicalize()
                .map_err(|e| denied(&e.to_string()))?;
            if !real.starts_with(&root.0) {
                return Err(denied("it resolves outside the readable directory"));
            }
            let text = std::fs::read_to_string(&real).map_err(|e| denied(&e.to_string()))?;
            Ok(JsString::from(text).into())
        },
        ReadRoot(root),
    );
    FunctionObjectBuilder::new(context.realm(), function)
        .name(js_string!("readFile"))
        .length(1)
        .build()
        .into()
}

/// `env`: the named environment variables that are set, as strings.
pub fn env(names: &[String], context: &mut Context) -> JsObject {
    let mut object = ObjectInitializer::new(context);
    for name in names {
        if let Ok(value) = std::env::var(name) {
            object.property(
                JsString::from(name.as_str()),
                JsString::from(value),
                Attribute::all(),
            );
        }
    }
    object.build()
}

/// When the run started, for `clock.monotonic()`.
#[derive(Trace, Finalize)]
struct Started(#[unsafe_ignore_trace] Instant);

/// `clock`: wall-clock and monotonic time.
pub fn clock(context: &mut Context) -> JsObject {
    let now = NativeFunction::from_fn_ptr(|_, _, _| {
        let millis = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64() * 1e3);
        Ok(JsValue::from(millis.floor()))
    });
    let monotonic = NativeFunction::from_copy_closure_with_captures(
        |_, _, started: &Started, _| Ok(JsValue::from(started.0.elapsed().as_secs_f64() * 1e3)),
        Started(Instant::now()),
    );
    ObjectInitializer::new(context)
        .function(now, js_string!("now"), 0)
        .function(monotonic, js_string!("monotonic"), 0)
        .build()
}

/// Checks `--allow-read` before anything runs.
pub fn readable_root(dir: &Path) -> Result<PathBuf, String> {
    let root = dir
        .canonicalize()
        .map_err(|e| format!("--allow-read {}: {e}", dir.display()))?;
    if !root.is_dir() {
        return Err(format!("--allow-read {}: not a directory", dir.display()));
    }
    Ok(root)
}
