//! Where the suites are, which tests they hold, and how each test is run in a mode (its
//! variants, or why it is skipped).

use std::{
    fmt, fs,
    path::{Path, PathBuf},
};

use serde::{Deserialize, Serialize};

use crate::{
    fetch::{self, Which},
    meta::Meta,
};

/// How tests are run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// A fresh plain Boa context per test: the baseline.
    Plain,
    /// A hardened engine after `lockdown()`; harness and test in the start compartment.
    Lockdown,
    /// After `lockdown()`, harness and test in a fresh compartment endowed with `print`, `$262`.
    Compartment,
    /// The Compartment suite, in the start compartment of an engine that is not locked down.
    CompartmentSuite,
}

impl Mode {
    pub const TEST262: [Self; 3] = [Self::Plain, Self::Lockdown, Self::Compartment];

    pub fn name(self) -> &'static str {
        match self {
            Self::Plain => "plain",
            Self::Lockdown => "lockdown",
            Self::Compartment => "compartment",
            Self::CompartmentSuite => "compartment-suite",
        }
    }

    pub fn is_hardened(self) -> bool {
        self != Self::Plain
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One way of running a test: INTERPRETING.md runs a test without flags twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Variant {
    /// The source as written (also `raw` and `noStrict` tests).
    Sloppy,
    /// `"use strict";` prepended.
    Strict,
    /// Parsed and evaluated as a module.
    Module,
}

impl Variant {
    pub fn name(self) -> &'static str {
        match self {
            Self::Sloppy => "sloppy",
            Self::Strict => "strict",
            Self::Module => "module",
        }
    }

    /// The variants a test runs in.
    pub fn of(meta: &Meta) -> Vec<Self> {
        let flags = &meta.flags;
        if flags.module {
            vec![Self::Module]
        } else if flags.raw || flags.no_strict {
            vec![Self::Sloppy]
        } else if flags.only_strict {
            vec![Self::Strict]
        } else {
            vec![Self::Sloppy, Self::Strict]
        }
    }
}

/// Features whose host support the runner cannot give; tests needing them are skipped.
pub fn skip_reason(meta: &Meta, mode: Mode) -> Option<String> {
    // The hardened engine's context is built with [[CanBlock]] false.
    if mode.is_hardened() && meta.flags.can_block_is_true {
        return Some("host: the hardened engine's agent cannot block (CanBlockIsTrue)".into());
    }
    None
}

/// A located suite.
#[derive(Debug, Clone)]
pub struct Suite {
    /// The test262 checkout (holds `harness/` and `test/`).
    pub test262: PathBuf,
    /// Where the tests of this run live: `test262/test` or the Compartment suite.
    pub tests: PathBuf,
    /// `tc39/test262 <commit> <date>` from the UPSTREAM file, when there is one.
    pub upstream: Option<String>,
}

impl Suite {
    pub fn harness(&self) -> PathBuf {
        self.test262.join("harness")
    }
}

/// The workspace root, as compiled.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The pinned suite, fetched into `target/suites/` when it is not there yet.
fn pinned(which: Which) -> Result<PathBuf, String> {
    let pin = fetch::pin(&workspace(), which)?;
    fetch::fetched(&pin, &workspace().join("target/suites"))
}

/// The workspace's sibling `shared/` folder, where the suites live by default.
fn default_candidates(relative: &str) -> Vec<PathBuf> {
    let mut candidates = vec![workspace().join(relative)];
    if let Ok(cwd) = std::env::current_dir() {
        candidates.push(cwd.join(relative));
    }
    candidates
}

/// Finds the test262 checkout: `--test262`, then `TEST262_DIR`, then `../shared/test262`
/// relative to the workspace root (as compiled) and to the working directory, then the pinned
/// commit in `target/suites/` (fetched there when missing).
pub fn locate_test262(arg: Option<&Path>) -> Result<PathBuf, String> {
    let explicit = arg
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os("TEST262_DIR").map(PathBuf::from));
    let is_test262 =
        |dir: &Path| dir.join("harness/assert.js").is_file() && dir.join("test").is_dir();
    let candidates = match explicit {
        Some(path) => vec![path],
        None => default_candidates("../shared/test262"),
    };
    for candidate in &candidates {
        if is_test262(candidate) {
            return candidate
                .canonicalize()
                .map_err(|e| format!("{}: {e}", candidate.display()));
        }
    }
    if arg.is_none() && std::env::var_os("TEST262_DIR").is_none() {
        let fetched = pinned(Which::Test262)?;
        if is_test262(&fetched) {
            return Ok(fetched);
        }
    }
    Err(format!(
        "no test262 checkout (with harness/assert.js and test/) at {}; pass --test262 DIR or set \
         TEST262_DIR (see test262/README.md for how to get the suite)",
        candidates
            .iter()
            .map(|c| c.display().to_string())
            .collect::<Vec<_>>()
            .join(" or ")
    ))
}

/// Finds the Compartment suite: `--compartment-tests`, `COMPARTMENT_TESTS_DIR`, then
/// `../shared/compartment-tests`, then the pinned commit in `target/suites/` (fetched there when
/// missing).
pub fn locate_compartment_tests(arg: Option<&Path>) -> Result<PathBuf, String> {
    let explicit = arg
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os("COMPARTMENT_TESTS_DIR").map(PathBuf::from));
    let is_suite = |dir: &Path| dir.join("Compartment").is_dir();
    let candidates = match explicit {
        Some(path) => vec![path],
        None => default_candidates("../shared/compartment-tests"),
    };
    for candidate in &candidates {
        if is_suite(candidate) {
            return candidate
                .canonicalize()
                .map_err(|e| format!("{}: {e}", candidate.display()));
        }
    }
    if arg.is_none() && std::env::var_os("COMPARTMENT_TESTS_DIR").is_none() {
        let fetched = pinned(Which::CompartmentTests)?;
        if is_suite(&fetched) {
            return Ok(fetched);
        }
    }
    Err(format!(
        "no Compartment suite at {}; pass --compartment-tests DIR or set COMPARTMENT_TESTS_DIR",
        candidates
            .iter()
            .map(|c| c.display().to_string())
            .collect::<Vec<_>>()
            .join(" or ")
    ))
}

pub fn read_upstream(test262: &Path) -> Option<String> {
    let text = fs::read_to_string(test262.join("UPSTREAM")).ok()?;
    text.lines().next().map(|line| line.trim().to_owned())
}

/// Every test file under `root`, as paths relative to it with `/` separators, sorted.
/// `_FIXTURE` files are module dependencies, never tests.
pub fn collect(root: &Path) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    walk(root, root, &mut found)?;
    found.sort();
    Ok(found)
}

fn walk(root: &Path, dir: &Path, found: &mut Vec<String>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        if kind.is_dir() {
            walk(root, &path, found)?;
            continue;
        }
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !name.ends_with(".js") || name.contains("_FIXTURE") {
            continue;
        }
        if let Ok(relative) = path.strip_prefix(root) {
            let parts: Vec<_> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            found.push(parts.join("/"));
        }
    }
    Ok(())
}

/// Keeps every `k`-th test so that about `n` remain, spread over the whole sorted list.
pub fn sample<T: Clone>(tests: &[T], n: usize) -> Vec<T> {
    if n == 0 || n >= tests.len() {
        return tests.to_vec();
    }
    let step = tests.len().div_ceil(n);
    tests.iter().step_by(step).cloned().collect()
}

/// The first path segment, the unit of the per-folder tables (`built-ins`, `language`, ...).
pub fn top_folder(relative: &str) -> &str {
    relative.split('/').next().unwrap_or(relative)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sampling_is_spread_and_deterministic() {
        let tests: Vec<u32> = (0..100).collect();
        assert_eq!(sample(&tests, 10), (0..100).step_by(10).collect::<Vec<_>>());
        assert_eq!(sample(&tests, 0).len(), 100);
        assert_eq!(sample(&tests, 30).len(), 25);
    }

    #[test]
    fn variants_follow_the_flags() {
        let mut meta = Meta::default();
        assert_eq!(Variant::of(&meta), [Variant::Sloppy, Variant::Strict]);
        meta.flags.only_strict = true;
        assert_eq!(Variant::of(&meta), [Variant::Strict]);
        meta.flags.module = true;
        assert_eq!(Variant::of(&meta), [Variant::Module]);
    }
}
