//! Expectation files (`test262/expectations/<mode>.toml`): every test known to fail in a mode,
//! with the reason's category. A run reports only what differs from them.

use std::{
    collections::{BTreeMap, BTreeSet},
    fmt::Write as _,
    fs,
    path::{Path, PathBuf},
};

use serde::{Deserialize, Serialize};

use crate::{
    cause::{self, Facts, Verdict},
    facts::Key,
    meta::Meta,
    protocol::Outcome,
    results::Record,
    suite::{Mode, Variant},
};

/// Engine features Boa 0.22 lacks in the default build (or that need cargo features the
/// workspace cannot turn on without changing the hardened crate's build); their test counts
/// are the `unsupported-feature` rows of `docs/conformance.md`.
pub const UNSUPPORTED_FEATURES: &[&str] = &[
    "explicit-resource-management",
    "import-defer",
    "source-phase-imports",
    "source-phase-imports-module-source",
    "Array.fromAsync",
    "await-dictionary",
    "joint-iteration",
    "iterator-chunking",
    "uint8array-base64",
    "immutable-arraybuffer",
    "ShadowRealm",
    "arraybuffer-transfer",
    "iterator-includes",
    "tail-call-optimization",
    "legacy-regexp",
    "decorators",
    "caller",
    "Iterator.prototype.join",
    "Error.isError",
    "import-text",
    "import-bytes",
    "Atomics.pause",
    "nonextensible-applies-to-private",
    "symbols-as-weakmap-keys",
];

/// An expected failure: a reason, and the variants it fails in when not all of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Entry {
    Reason(String),
    Detailed {
        reason: String,
        variants: Vec<Variant>,
    },
}

impl Entry {
    pub fn reason(&self) -> &str {
        match self {
            Self::Reason(reason) | Self::Detailed { reason, .. } => reason,
        }
    }

    pub fn covers(&self, variant: Variant) -> bool {
        match self {
            Self::Reason(_) => true,
            Self::Detailed { variants, .. } => variants.contains(&variant),
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Expectations {
    #[serde(default)]
    pub failing: BTreeMap<String, Entry>,
}

impl Expectations {
    pub fn path(dir: &Path, mode: Mode) -> PathBuf {
        dir.join(format!("{}.toml", mode.name()))
    }

    /// Reads a mode's file; a missing file expects everything to pass.
    pub fn load(dir: &Path, mode: Mode) -> Result<Self, String> {
        let path = Self::path(dir, mode);
        match fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(error) => Err(format!("{}: {error}", path.display())),
        }
    }

    pub fn expects_failure(&self, path: &str, variant: Variant) -> Option<&Entry> {
        self.failing.get(path).filter(|entry| entry.covers(variant))
    }

    /// Writes the file: one line per test, sorted, reasons as they are.
    pub fn save(&self, dir: &Path, mode: Mode) -> Result<(), String> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for entry in self.failing.values() {
            *counts.entry(entry.reason()).or_default() += 1;
        }
        let command = if mode == Mode::CompartmentSuite {
            "--suite compartment-tests".to_owned()
        } else {
            format!("--mode {mode}")
        };
        let mut text = format!(
            "# Tests that fail in {mode} mode, with the category of the reason.\n\
             # Regenerate with `cargo run --release -p conformance -- {command} \
             --update-expectations`:\n\
             # existing reasons are kept, new failures get a category inferred from the error.\n\
             # `{{ reason, variants }}` marks a test that fails only in some variants.\n#\n"
        );
        for (reason, count) in &counts {
            let _ = writeln!(text, "# {count:>6}  {reason}");
        }
        text.push_str("\n[failing]\n");
        for (path, entry) in &self.failing {
            let key = toml::Value::String(path.clone()).to_string();
            let value = match entry {
                Entry::Reason(reason) => toml::Value::String(reason.clone()).to_string(),
                Entry::Detailed { reason, variants } => format!(
                    "{{ reason = {}, variants = [{}] }}",
                    toml::Value::String(reason.clone()),
                    variants
                        .iter()
                        .map(|v| format!("\"{}\"", v.name()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            let _ = writeln!(text, "{key} = {value}");
        }
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = Self::path(dir, mode);
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// What differs from the expectations.
#[derive(Debug, Default)]
pub struct Comparison<'a> {
    /// Failing, but not expected to.
    pub new_failures: Vec<&'a Record>,
    /// Passing, but listed as failing.
    pub new_passes: Vec<&'a Record>,
    /// Outcomes as expected (passes and listed failures).
    pub as_expected: usize,
    pub skipped: usize,
}

pub fn compare<'a>(records: &'a [Record], expectations: &Expectations) -> Comparison<'a> {
    let mut comparison = Comparison::default();
    for record in records {
        let expected = expectations
            .expects_failure(&record.path, record.variant)
            .is_some();
        match (record.outcome, expected) {
            (Outcome::Skip, _) => comparison.skipped += 1,
            (Outcome::Pass, true) => comparison.new_passes.push(record),
            (_, false) if record.outcome.is_failure() => comparison.new_failures.push(record),
            _ => comparison.as_expected += 1,
        }
    }
    comparison
}

/// Regenerates a mode's expectations from a run: tests that ran take their entry from this
/// run, tests that did not run keep theirs. A test keeps its old reason unless its facts
/// (`--verify`) contradict it; a new or contradicted one gets the category its facts point to
/// ([`cause::infer`]).
pub fn update(
    old: &Expectations,
    records: &[Record],
    metas: &BTreeMap<String, Meta>,
    plain: Option<&Expectations>,
    facts: &BTreeMap<Key, Facts>,
) -> Expectations {
    let mut ran: BTreeMap<&str, Vec<&Record>> = BTreeMap::new();
    for record in records {
        ran.entry(record.path.as_str()).or_default().push(record);
    }
    let mut failing: BTreeMap<String, Entry> = old
        .failing
        .iter()
        .filter(|(path, _)| !ran.contains_key(path.as_str()))
        .map(|(path, entry)| (path.clone(), entry.clone()))
        .collect();
    for (path, records) in ran {
        let executed: BTreeSet<Variant> = records
            .iter()
            .filter(|r| r.outcome != Outcome::Skip)
            .map(|r| r.variant)
            .collect();
        let failed: Vec<&Record> = records
            .iter()
            .copied()
            .filter(|r| r.outcome.is_failure())
            .collect();
        let Some(first) = failed.first() else {
            continue;
        };
        let facts_of = |record: &Record| {
            facts
                .get(&(record.mode, path.to_owned(), record.variant))
                .cloned()
                .unwrap_or_else(|| Facts {
                    mode: Some(record.mode),
                    variant: Some(record.variant),
                    path: path.to_owned(),
                    message: record.message.clone(),
                    features: metas
                        .get(path)
                        .map(|m| m.features.clone())
                        .unwrap_or_default(),
                    fails_in_plain: record.mode == Mode::Plain
                        || plain.is_some_and(|p| p.expects_failure(path, record.variant).is_some()),
                    ..Facts::default()
                })
        };
        let contradicted = |reason: &str| {
            failed.iter().any(|r| {
                matches!(
                    cause::verify(reason, &facts_of(r)),
                    Verdict::Contradicted(_)
                )
            })
        };
        let reason = match old.failing.get(path) {
            Some(entry) if !contradicted(entry.reason()) => entry.reason().to_owned(),
            _ => {
                let plain_reason = plain
                    .and_then(|p| p.expects_failure(path, first.variant))
                    .map(Entry::reason);
                if first.mode == Mode::Plain {
                    plain_category(first, metas.get(path))
                } else {
                    cause::infer(&facts_of(first), plain_reason, first.outcome)
                }
            }
        };
        let variants: BTreeSet<Variant> = failed.iter().map(|r| r.variant).collect();
        let entry = if variants == executed {
            Entry::Reason(reason)
        } else {
            Entry::Detailed {
                reason,
                variants: variants.into_iter().collect(),
            }
        };
        failing.insert(path.to_owned(), entry);
    }
    Expectations { failing }
}

/// A plain-mode failure's category: the runner is standard there, so what fails is Boa.
fn plain_category(record: &Record, meta: Option<&Meta>) -> String {
    match record.outcome {
        Outcome::Timeout => return "timeout".into(),
        Outcome::Crash => return "crash".into(),
        _ => {}
    }
    meta.and_then(|m| {
        m.features
            .iter()
            .find(|f| UNSUPPORTED_FEATURES.contains(&f.as_str()))
    })
    .map_or_else(
        || "boa-bug".into(),
        |feature| format!("unsupported-feature: {feature}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(path: &str, variant: Variant, outcome: Outcome, message: &str) -> Record {
        Record {
            path: path.into(),
            variant,
            mode: Mode::Lockdown,
            outcome,
            message: message.into(),
            ms: 0,
        }
    }

    #[test]
    fn saved_files_read_back() {
        let mut expectations = Expectations::default();
        expectations
            .failing
            .insert("a/b.js".into(), Entry::Reason("boa-bug".into()));
        expectations.failing.insert(
            "a/\"odd\".js".into(),
            Entry::Detailed {
                reason: "unsupported-feature: x".into(),
                variants: vec![Variant::Strict],
            },
        );
        let dir = std::env::temp_dir().join(format!("conformance-expect-{}", std::process::id()));
        expectations.save(&dir, Mode::Plain).expect("writable");
        let back = Expectations::load(&dir, Mode::Plain).expect("readable");
        let _ = fs::remove_dir_all(&dir);
        assert_eq!(back.failing, expectations.failing);
        assert!(
            back.expects_failure("a/\"odd\".js", Variant::Strict)
                .is_some()
        );
        assert!(
            back.expects_failure("a/\"odd\".js", Variant::Sloppy)
                .is_none()
        );
    }

    #[test]
    fn updates_keep_reasons_and_untouched_tests() {
        let mut old = Expectations::default();
        old.failing
            .insert("kept.js".into(), Entry::Reason("boa-bug".into()));
        old.failing
            .insert("fixed.js".into(), Entry::Reason("boa-bug".into()));
        old.failing
            .insert("again.js".into(), Entry::Reason("override-mistake".into()));
        let records = [
            record("fixed.js", Variant::Sloppy, Outcome::Pass, ""),
            record("again.js", Variant::Strict, Outcome::Fail, "x"),
            record("again.js", Variant::Sloppy, Outcome::Pass, ""),
            record(
                "new.js",
                Variant::Strict,
                Outcome::Fail,
                "TypeError: Cannot assign to read only property 'x'",
            ),
        ];
        // The new failure's facts: lockdown's freeze causes it (it passes without lockdown and
        // fails with the intrinsics only frozen).
        let facts = BTreeMap::from([(
            (Mode::Lockdown, "new.js".to_owned(), Variant::Strict),
            Facts {
                mode: Some(Mode::Lockdown),
                variant: Some(Variant::Strict),
                path: "new.js".into(),
                message: "TypeError: Cannot assign to read only property 'x'".into(),
                unlocked: Some(Outcome::Pass),
                frozen_only: Some(Outcome::Fail),
                ..Facts::default()
            },
        )]);
        let updated = update(&old, &records, &BTreeMap::new(), None, &facts);
        assert_eq!(updated.failing.len(), 3);
        assert_eq!(updated.failing["kept.js"], Entry::Reason("boa-bug".into()));
        assert_eq!(
            updated.failing["again.js"],
            Entry::Detailed {
                reason: "override-mistake".into(),
                variants: vec![Variant::Strict]
            }
        );
        // ('x' is no name objects commonly override, so not the override mistake.)
        assert_eq!(
            updated.failing["new.js"].reason(),
            "mutates-frozen-intrinsic"
        );
    }
}
