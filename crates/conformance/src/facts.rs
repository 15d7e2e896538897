//! `--verify`: gathers the [`Facts`] that each failing execution of the lockdown and
//! compartment modes is checked against, running what must be run (the same execution with an
//! engine that is not locked down; a `noStrict` test strict in plain Boa), and records each
//! label's verdict in `verification.json`.

use std::{
    collections::BTreeMap,
    fs,
    ops::ControlFlow,
    path::{Path, PathBuf},
    sync::Mutex,
};

use boa_ast::{
    Expression,
    declaration::LexicalDeclaration,
    expression::Call,
    scope::Scope,
    visitor::{VisitWith, Visitor},
};
use boa_interner::{Interner, Sym};
use boa_parser::{Parser, Source};
use serde::{Deserialize, Serialize};

use crate::{
    cause::{self, Facts, Verdict},
    expect::Expectations,
    meta::Meta,
    pool::{self, PoolConfig},
    progress::Progress,
    protocol::{EngineState, Job, Outcome},
    results::RunReport,
    suite::{Mode, Variant},
};

/// One execution of one mode.
pub type Key = (Mode, String, Variant);

/// Where the tests and harness files are.
pub struct Paths<'a> {
    pub tests: &'a Path,
    pub harness: &'a Path,
}

/// The facts of every failing execution of the lockdown and compartment runs in `reports`.
pub fn gather(
    reports: &[RunReport],
    plain: &Expectations,
    metas: &BTreeMap<String, Meta>,
    paths: &Paths<'_>,
    config: &PoolConfig,
    quiet: bool,
) -> BTreeMap<Key, Facts> {
    let mut all: BTreeMap<Key, Facts> = BTreeMap::new();
    for report in reports {
        if !matches!(report.mode, Mode::Lockdown | Mode::Compartment) {
            continue;
        }
        let outcomes: BTreeMap<(&str, Variant), Outcome> = report
            .results
            .iter()
            .map(|r| ((r.path.as_str(), r.variant), r.outcome))
            .collect();
        for record in report.results.iter().filter(|r| r.outcome.is_failure()) {
            let meta = metas.get(&record.path);
            let features = meta.map(|m| m.features.clone()).unwrap_or_default();
            let facts = Facts {
                mode: Some(report.mode),
                variant: Some(record.variant),
                path: record.path.clone(),
                message: record.message.clone(),
                cross_realm: features.iter().any(|f| f == "cross-realm"),
                features,
                fails_in_plain: plain
                    .expects_failure(&record.path, record.variant)
                    .is_some(),
                strict_sibling: (record.variant == Variant::Sloppy)
                    .then(|| {
                        outcomes
                            .get(&(record.path.as_str(), Variant::Strict))
                            .copied()
                    })
                    .flatten(),
                ..Facts::default()
            };
            all.insert((report.mode, record.path.clone(), record.variant), facts);
        }
    }
    syntax_facts(&mut all, metas, paths);
    counterfactuals(&mut all, metas, paths, config, quiet);
    all
}

/// What the test's (and its includes') syntax trees hold, and whether it makes a second realm.
fn syntax_facts(all: &mut BTreeMap<Key, Facts>, metas: &BTreeMap<String, Meta>, paths: &Paths<'_>) {
    let tests: Vec<String> = {
        let mut tests: Vec<String> = all.keys().map(|(_, path, _)| path.clone()).collect();
        tests.sort();
        tests.dedup();
        tests
    };
    let found: Mutex<BTreeMap<String, Syntax>> = Mutex::new(BTreeMap::new());
    let harness: Mutex<BTreeMap<String, Option<Syntax>>> = Mutex::new(BTreeMap::new());
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = tests.len().div_ceil(workers).max(1);
    std::thread::scope(|scope| {
        for part in tests.chunks(chunk) {
            let (found, harness) = (&found, &harness);
            // Deeply nested tests need more stack than a default thread has.
            let _ = std::thread::Builder::new()
                .stack_size(512 << 20)
                .spawn_scoped(scope, move || {
                    for path in part {
                        let Some(meta) = metas.get(path) else {
                            continue;
                        };
                        let syntax = test_syntax(path, meta, paths, harness);
                        lock(found).insert(path.clone(), syntax);
                    }
                });
        }
    });
    let found = found
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    for ((_, path, _), facts) in all.iter_mut() {
        if let Some(syntax) = found.get(path) {
            facts.direct_eval = syntax.direct_eval;
            facts.using = syntax.using;
            facts.cross_realm |= syntax.creates_realm;
            facts.compiles_strings = syntax.compiles_strings;
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[derive(Debug, Clone, Copy, Default)]
struct Syntax {
    direct_eval: Option<bool>,
    using: Option<bool>,
    creates_realm: bool,
    compiles_strings: bool,
}

fn test_syntax(
    path: &str,
    meta: &Meta,
    paths: &Paths<'_>,
    harness: &Mutex<BTreeMap<String, Option<Syntax>>>,
) -> Syntax {
    let Ok(source) = fs::read_to_string(paths.tests.join(path)) else {
        return Syntax::default();
    };
    let mut syntax = scan(&source, meta.flags.module).unwrap_or_default();
    syntax.creates_realm = source.contains("createRealm");
    syntax.compiles_strings = compiles_strings(&source);
    for include in &meta.includes {
        let cached = lock(harness).get(include).copied();
        let file = cached.unwrap_or_else(|| {
            let scanned = fs::read_to_string(paths.harness.join(include))
                .ok()
                .and_then(|text| scan(&text, false));
            lock(harness).insert(include.clone(), scanned);
            scanned
        });
        if let Some(file) = file {
            syntax.compiles_strings |= file.compiles_strings;
            syntax.direct_eval = match (syntax.direct_eval, file.direct_eval) {
                (Some(a), Some(b)) => Some(a || b),
                (_, Some(true)) | (Some(true), _) => Some(true),
                _ => None,
            };
        }
    }
    syntax
}

/// Whether a source mentions `eval`, `Function(`, `Function.call(`, `Function.apply(` or
/// `evalScript`: it compiles code from strings.
fn compiles_strings(source: &str) -> bool {
    [
        "eval",
        "Function(",
        "Function.call(",
        "Function.apply(",
        "evalScript",
    ]
    .iter()
    .any(|name| source.contains(name))
}

/// Direct `eval(...)` calls and `using` declarations in a source, from Boa's syntax tree;
/// `None` when Boa cannot parse it (a negative syntax test).
fn scan(source: &str, module: bool) -> Option<Syntax> {
    struct Finder {
        direct_eval: bool,
        using: bool,
    }
    impl<'ast> Visitor<'ast> for Finder {
        type BreakTy = ();
        fn visit_call(&mut self, call: &'ast Call) -> ControlFlow<()> {
            let mut callee = call.function();
            while let Expression::Parenthesized(inner) = callee {
                callee = inner.expression();
            }
            if matches!(callee, Expression::Identifier(name) if name.sym() == Sym::EVAL) {
                self.direct_eval = true;
            }
            call.visit_with(self)
        }
        fn visit_lexical_declaration(
            &mut self,
            declaration: &'ast LexicalDeclaration,
        ) -> ControlFlow<()> {
            if matches!(
                declaration,
                LexicalDeclaration::Using(_) | LexicalDeclaration::AwaitUsing(_)
            ) {
                self.using = true;
            }
            declaration.visit_with(self)
        }
    }
    let mut interner = Interner::default();
    let mut parser = Parser::new(Source::from_bytes(source.as_bytes()));
    let mut finder = Finder {
        direct_eval: false,
        using: false,
    };
    let scope = Scope::new_global();
    if module {
        let parsed = parser.parse_module(&scope, &mut interner).ok()?;
        let _ = parsed.visit_with(&mut finder);
    } else {
        let parsed = parser.parse_script(&scope, &mut interner).ok()?;
        let _ = parsed.visit_with(&mut finder);
    }
    Some(Syntax {
        direct_eval: Some(finder.direct_eval),
        using: Some(finder.using),
        compiles_strings: compiles_strings(source),
        creates_realm: false,
    })
}

/// Runs each failure that plain mode passes again without lockdown, and each failing
/// `noStrict` test strict in plain Boa; then each that passes without lockdown with the
/// intrinsics frozen only.
fn counterfactuals(
    all: &mut BTreeMap<Key, Facts>,
    metas: &BTreeMap<String, Meta>,
    paths: &Paths<'_>,
    config: &PoolConfig,
    quiet: bool,
) {
    let mut first = Vec::new();
    for (key, facts) in all.iter() {
        let (mode, path, variant) = key;
        if facts.fails_in_plain {
            continue;
        }
        first.push((key.clone(), *mode, *variant, EngineState::Unlocked));
        let no_strict = metas.get(path).is_some_and(|m| m.flags.no_strict);
        if no_strict && *variant == Variant::Sloppy {
            first.push((
                key.clone(),
                Mode::Plain,
                Variant::Strict,
                EngineState::AsMode,
            ));
        }
    }
    for ((key, mode, _, state), outcome) in run(&first, paths, config, quiet) {
        if let Some(facts) = all.get_mut(&key) {
            if mode == Mode::Plain {
                facts.plain_forced_strict = Some(outcome);
            } else if state == EngineState::Unlocked {
                facts.unlocked = Some(outcome);
            }
        }
    }
    let second: Vec<_> = all
        .iter()
        .filter(|(_, facts)| facts.unlocked == Some(Outcome::Pass))
        .map(|(key, _)| (key.clone(), key.0, key.2, EngineState::FrozenOnly))
        .collect();
    for ((key, ..), outcome) in run(&second, paths, config, quiet) {
        if let Some(facts) = all.get_mut(&key) {
            facts.frozen_only = Some(outcome);
        }
    }
}

type Counterfactual = (Key, Mode, Variant, EngineState);

fn run(
    wanted: &[Counterfactual],
    paths: &Paths<'_>,
    config: &PoolConfig,
    quiet: bool,
) -> Vec<(Counterfactual, Outcome)> {
    if wanted.is_empty() {
        return Vec::new();
    }
    let jobs: Vec<Job> = wanted
        .iter()
        .enumerate()
        .map(|(id, ((_, path, _), mode, variant, engine))| Job {
            id,
            mode: *mode,
            variant: *variant,
            path: paths.tests.join(path),
            engine: *engine,
        })
        .collect();
    println!(
        "verify: {} executions ({})",
        jobs.len(),
        if wanted.iter().any(|w| w.3 == EngineState::FrozenOnly) {
            "with the intrinsics frozen only"
        } else {
            "without lockdown, or noStrict tests strict in plain Boa"
        }
    );
    let progress = Progress::new(jobs.len(), quiet);
    let done = pool::run(jobs, config, &|done| progress.record(done.reply.outcome));
    progress.finish();
    done.into_iter()
        .filter_map(|done| Some((wanted.get(done.reply.id)?.clone(), done.reply.outcome)))
        .collect()
}

/// A label and its verdict, as `verification.json` keeps them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Checked {
    pub mode: Mode,
    pub path: String,
    pub variant: Variant,
    pub category: String,
    /// `verified`, `contradicted` or `unverifiable`.
    pub verdict: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
}

/// Checks each failing execution's label (from `expectations`) against its facts.
pub fn check(
    all: &BTreeMap<Key, Facts>,
    expectations: &BTreeMap<Mode, Expectations>,
) -> Vec<Checked> {
    all.iter()
        .filter_map(|((mode, path, variant), facts)| {
            let entry = expectations.get(mode)?.expects_failure(path, *variant)?;
            let (verdict, why) = match cause::verify(entry.reason(), facts) {
                Verdict::Verified => ("verified", String::new()),
                Verdict::Contradicted(why) => ("contradicted", why),
                Verdict::Unverifiable => ("unverifiable", String::new()),
            };
            Some(Checked {
                mode: *mode,
                path: path.clone(),
                variant: *variant,
                category: entry.reason().to_owned(),
                verdict: verdict.into(),
                why,
            })
        })
        .collect()
}

pub fn path(out: &Path) -> PathBuf {
    out.join("verification.json")
}

/// Writes the verdicts, keeping those of the modes this run did not check.
pub fn save(out: &Path, checked: &[Checked]) -> Result<PathBuf, String> {
    let path = path(out);
    let modes: std::collections::BTreeSet<Mode> = checked.iter().map(|c| c.mode).collect();
    let mut all: Vec<Checked> = load(out)
        .unwrap_or_default()
        .into_iter()
        .filter(|c| !modes.contains(&c.mode))
        .collect();
    all.extend_from_slice(checked);
    let text = serde_json::to_string(&all).map_err(|e| e.to_string())?;
    fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

/// The last verification, if there is one.
pub fn load(out: &Path) -> Option<Vec<Checked>> {
    let text = fs::read_to_string(path(out)).ok()?;
    serde_json::from_str(&text).ok()
}
