//! The library's top-level modules form layers: each may use only modules of lower layers, so
//! the module graph has no cycle. The test reads every `crate::` path in
//! the source (comments aside) and fails on an edge the table does not allow, so a new upward
//! dependency cannot creep in unnoticed.

use std::{collections::BTreeSet, fs, path::Path};

/// Layers from the bottom. A module may use any module of a lower layer.
const LAYERS: &[&[&str]] = &[
    // Promises rejected with no handler, as Boa reports them.
    &["rejections"],
    // Leaves: shared helpers, the native-stack guard, Boa workarounds, the permits table
    // (every global and intrinsic name).
    &["commons", "stack", "boa", "permits"],
    &["limits", "identity", "location"],
    // The host-facing error type.
    &["error"],
    // Panics of the host's own code, kept for the engine call that ran it.
    &["host_panic"],
    // Builtins replaced so that no guest-chosen length is reserved: leaves and limits only.
    &["bounded"],
    // Conversions for the host API: guest values to Rust values.
    &["convert"],
    // Host functions from Rust closures: typed arguments and results, the caller handle.
    &["host_fn"],
    // The one parser entry.
    &["parse"],
    // The job queue.
    &["jobs"],
    // TextEncoder/TextDecoder.
    &["encoding"],
    // What a compartment is, as data: its record, instance, handle, owner, evaluators' cache
    // and module state.
    &["record"],
    // The ownership registry: which compartment owns each piece of code.
    &["ownership"],
    // Global-name dispatch and the compile gate.
    &["dispatch"],
    // The evaluators: `evaluate`, each compartment's `eval` and `Function`.
    &["evaluator"],
    // Modules: the loader, descriptors, module sources, the module methods.
    &["module"],
    // Compartments made: the factory, the global they get, options, the JavaScript class.
    &["compartment"],
    // Lockdown: tamings, the permit walk, harden.
    &["lockdown"],
    // The host-facing facade.
    &["engine"],
    // Supervised worker processes, built on the facade.
    &["worker"],
    // The embedding guide: documentation only.
    &["guide"],
];

/// Edges inside a layer (from → to) allowed as exceptions. None: the module graph is acyclic.
const KNOWN: &[(&str, &str)] = &[];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The top-level modules named by `crate::` paths in `text`, comments left out.
fn references(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                // `crate::{a, b::{c, d}}`: the first segment of each top-level item.
                let mut depth = 0usize;
                let mut items = vec![String::new()];
                for c in group.chars() {
                    match c {
                        '}' if depth == 0 => break,
                        ',' if depth == 0 => items.push(String::new()),
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        c if depth == 0 => items.last_mut().expect("an item").push(c),
                        _ => {}
                    }
                }
                for item in items {
                    let name: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        found.insert(name);
                    }
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found.insert(name);
            }
        }
    }
    found
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("source directory") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A `use crate::{...}` group can span lines: join each file's text so groups read whole.
fn joined(text: &str) -> String {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The crate root's re-exports (`pub use limits::{Limit, Limits};`): name → module, so that
/// `crate::Limit` counts as a use of `limits`.
fn reexports(lib: &str) -> Vec<(String, String)> {
    let mut map = Vec::new();
    for line in lib.lines() {
        let Some(path) = line.strip_prefix("pub use ") else {
            continue;
        };
        let path = path.trim_end_matches(';');
        let Some((module, rest)) = path.split_once("::") else {
            continue;
        };
        let names = rest.rsplit("::").next().unwrap_or(rest);
        for name in names.trim_matches(|c| c == '{' || c == '}').split(',') {
            map.push((name.trim().to_owned(), module.to_owned()));
        }
    }
    map
}

#[test]
fn modules_use_only_lower_layers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let reexported = reexports(&fs::read_to_string(root.join("lib.rs")).expect("lib.rs"));
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut violations = Vec::new();
    let mut seen_known = BTreeSet::new();
    for file in files {
        let relative = file.strip_prefix(&root).expect("under src");
        let module = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .map(|name| name.trim_end_matches(".rs").to_owned())
            .expect("a module");
        if module == "lib" {
            continue;
        }
        let from = layer_of(&module)
            .unwrap_or_else(|| panic!("module `{module}` is in no layer of LAYERS"));
        let text = fs::read_to_string(&file).expect("readable source");
        for name in references(&joined(&text)) {
            let target = reexported
                .iter()
                .find(|(exported, _)| *exported == name)
                .map_or(name, |(_, module)| module.clone());
            let Some(to) = layer_of(&target) else {
                continue;
            };
            if target == module || to < from {
                continue;
            }
            if to == from && KNOWN.contains(&(module.as_str(), target.as_str())) {
                seen_known.insert((module.clone(), target.clone()));
                continue;
            }
            violations.push(format!("{} uses {target}", relative.display()));
        }
    }
    violations.sort();
    violations.dedup();
    assert!(
        violations.is_empty(),
        "edges against the layering:\n{}",
        violations.join("\n")
    );
    let stale: Vec<_> = KNOWN
        .iter()
        .filter(|(a, b)| !seen_known.contains(&((*a).to_owned(), (*b).to_owned())))
        .collect();
    assert!(
        stale.is_empty(),
        "known edges that no longer exist (remove them from KNOWN): {stale:?}"
    );
}
