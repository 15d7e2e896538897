//! Runs the JavaScript specification tests in `spec-tests/` (test262-style frontmatter).
//!
//! Each test gets a fresh engine; `spec-tests/harness/assert.js` and then the test are evaluated
//! in the start compartment. Frontmatter keys: `description` (required), `flags: [async]` (the
//! test must call `$DONE()`), `flags: [module]` (the test is a module of the start compartment,
//! specifier `test.js`; top-level `await` works), `negative: {type: ErrorName}` (the test must
//! throw that error), `includes: [file.js]` (more files of `spec-tests/harness/`, each evaluated
//! after `assert.js`).
//! `cargo test --test spec -- FILTER` runs the files whose path contains FILTER.

use std::{
    fs,
    path::{Path, PathBuf},
    process::ExitCode,
};

use hardened::{Engine, Error};
use yaml_rust2::YamlLoader;

struct Meta {
    asynchronous: bool,
    module: bool,
    includes: Vec<String>,
    boa_bug: Option<String>,
    negative: Option<String>,
}

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec-tests");
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let harness = fs::read_to_string(root.join("harness/assert.js")).expect("harness is readable");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let (mut passed, mut failed) = (0, 0);
    for file in files {
        let name = file
            .strip_prefix(&root)
            .unwrap_or(&file)
            .display()
            .to_string();
        if filter.as_ref().is_some_and(|f| !name.contains(f.as_str())) {
            continue;
        }
        let source = match fs::read_to_string(&file) {
            Ok(source) => source,
            Err(error) => {
                failed += 1;
                println!("FAIL {name}: {error}");
                continue;
            }
        };
        let outcome = meta(&source).map(|meta| {
            let result = run(&source, &meta, &harness, &root.join("harness"));
            (meta, result)
        });
        match outcome {
            Ok((Meta { boa_bug: None, .. }, Ok(()))) => {
                passed += 1;
                println!("ok   {name}");
            }
            Ok((
                Meta {
                    boa_bug: Some(bug), ..
                },
                Err(_),
            )) => {
                passed += 1;
                println!("xfail {name}: {bug}");
            }
            Ok((
                Meta {
                    boa_bug: Some(_), ..
                },
                Ok(()),
            )) => {
                failed += 1;
                println!("FAIL {name}: passes although marked boa-bug; remove the mark");
            }
            Ok((_, Err(message))) | Err(message) => {
                failed += 1;
                println!("FAIL {name}: {message}");
            }
        }
    }
    println!("\n{passed} passed, {failed} failed");
    if failed == 0 && passed > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "harness") {
                collect(&path, files);
            }
        } else if path.extension().is_some_and(|e| e == "js") {
            files.push(path);
        }
    }
}

fn meta(source: &str) -> Result<Meta, String> {
    let start = source.find("/*---").ok_or("missing /*--- frontmatter")?;
    let end = source.find("---*/").ok_or("unterminated frontmatter")?;
    let docs = YamlLoader::load_from_str(&source[start + 5..end]).map_err(|e| e.to_string())?;
    let doc = docs.first().ok_or("empty frontmatter")?;
    if doc["description"].as_str().is_none() {
        return Err("frontmatter has no description".into());
    }
    let flags = doc["flags"].as_vec().cloned().unwrap_or_default();
    Ok(Meta {
        asynchronous: flags.iter().any(|f| f.as_str() == Some("async")),
        module: flags.iter().any(|f| f.as_str() == Some("module")),
        includes: doc["includes"]
            .as_vec()
            .map(|names| {
                names
                    .iter()
                    .filter_map(|name| name.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default(),
        boa_bug: doc["boa-bug"].as_str().map(str::to_owned),
        negative: doc["negative"]["type"].as_str().map(str::to_owned),
    })
}

fn run(source: &str, meta: &Meta, harness: &str, harness_dir: &Path) -> Result<(), String> {
    let mut engine = Engine::new().map_err(|e| e.to_string())?;
    let start = engine.start_compartment().clone();
    engine
        .evaluate_value(&start, harness)
        .map_err(|e| format!("harness: {e}"))?;
    for include in &meta.includes {
        let text = fs::read_to_string(harness_dir.join(include))
            .map_err(|e| format!("includes {include}: {e}"))?;
        engine
            .evaluate_value(&start, &text)
            .map_err(|e| format!("includes {include}: {e}"))?;
    }
    let outcome = if meta.module {
        engine
            .evaluate_module(&start, "test.js", source)
            .map(|_| ())
    } else {
        engine.evaluate_value(&start, source).map(|_| ())
    }
    .and_then(|()| engine.run_jobs());
    match (outcome, &meta.negative) {
        (Err(Error::Thrown(thrown)), Some(expected)) if &thrown.name == expected => Ok(()),
        (Err(error), Some(expected)) => Err(format!("expected {expected}, got {error}")),
        (Ok(()), Some(expected)) => Err(format!("expected {expected}, nothing was thrown")),
        (Err(error), None) => Err(error.to_string()),
        (Ok(()), None) if meta.asynchronous => {
            let done: String = engine
                .evaluate(&start, "String(globalThis.$DONE_RESULT)")
                .map_err(|e| e.to_string())?;
            if done == "ok" {
                Ok(())
            } else {
                Err(format!("$DONE: {done}"))
            }
        }
        (Ok(()), None) => Ok(()),
    }
}
