//! `conformance`: runs test262 (and the Compartment suite) against plain Boa, a locked-down
//! hardened engine, and a compartment inside one, and holds the results to the expectation
//! files in `test262/expectations/`.
//!
//! ```sh
//! cargo run --release -p conformance -- --mode compartment --filter built-ins/Array --sample 200
//! cargo run --release -p conformance -- --all-modes               # full runs of the 3 modes
//! cargo run --release -p conformance -- --suite compartment-tests
//! cargo run --release -p conformance -- --ci                      # what CI runs
//! cargo run --release -p conformance -- --report docs/conformance.md
//! ```

mod cause;
mod exec;
mod expect;
mod facts;
mod fetch;
mod meta;
mod pool;
mod progress;
mod protocol;
mod report;
mod results;
mod suite;
mod worker;

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    process::ExitCode,
    sync::Mutex,
    time::{Duration, Instant},
};

use clap::{Parser, ValueEnum};

use crate::{
    expect::Expectations,
    meta::Meta,
    pool::PoolConfig,
    progress::Progress,
    protocol::{EngineState, Job, Outcome},
    results::{Record, RunReport, Tally, one_line},
    suite::{Mode, Suite, Variant},
};

/// Tests per test262 mode in `--ci`: every k-th test by sorted path, spread over the suite.
const CI_SAMPLE: usize = 1500;

/// The least per-test timeout in `--ci`, seconds.
const CI_TIMEOUT: f64 = 30.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ModeArg {
    Plain,
    Lockdown,
    Compartment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SuiteArg {
    Test262,
    CompartmentTests,
}

#[derive(Debug, Parser)]
#[command(
    version,
    about = "test262 conformance of plain Boa, lockdown and compartments"
)]
#[allow(clippy::struct_excessive_bools, reason = "command-line switches")]
struct Cli {
    /// Mode for test262 (default plain; ignored with --suite compartment-tests).
    #[arg(long, value_enum)]
    mode: Option<ModeArg>,
    /// Run test262 in all three modes.
    #[arg(long)]
    all_modes: bool,
    /// Which suite to run.
    #[arg(long, value_enum, default_value = "test262")]
    suite: SuiteArg,
    /// Only tests whose path (relative to test/) contains this; repeatable.
    #[arg(long)]
    filter: Vec<String>,
    /// Keep about N tests, every k-th by sorted path.
    #[arg(long)]
    sample: Option<usize>,
    /// Seconds before a test is killed and reported as a timeout (a few correct tests, such as
    /// decodeURI over every code point, take 5-10 s in plain Boa on this 2-core machine).
    #[arg(long, default_value_t = 30.0)]
    timeout: f64,
    /// Worker processes (default: available cores).
    #[arg(long)]
    jobs: Option<usize>,
    /// The test262 checkout (default: $TEST262_DIR, then ../shared/test262 from the workspace).
    #[arg(long)]
    test262: Option<PathBuf>,
    /// The Compartment suite (default: $COMPARTMENT_TESTS_DIR, then ../shared/compartment-tests).
    #[arg(long)]
    compartment_tests: Option<PathBuf>,
    /// Where the expectation files are.
    #[arg(long)]
    expectations: Option<PathBuf>,
    /// Where JSON reports and the Markdown summary go (default: target/conformance).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Rewrite the expectation files from this run.
    #[arg(long)]
    update_expectations: bool,
    /// CI: a fixed sample of test262 in all three modes plus the whole Compartment suite.
    #[arg(long)]
    ci: bool,
    /// Write the conformance report (tables and chart) into this Markdown file, from the last
    /// full runs in --out; runs no tests unless a run is asked for too.
    #[arg(long)]
    report: Option<PathBuf>,
    /// Judge the results of the last run of the selected modes (from --out) again instead of
    /// running tests: after editing expectations, or with --update-expectations.
    #[arg(long)]
    from_results: bool,
    /// Check each failure's category against its facts (running the lockdown and compartment
    /// failures again without lockdown, and failing noStrict tests strict in plain Boa) and
    /// write `verification.json`; `--update-expectations` does this too, and relabels what the
    /// facts contradict.
    #[arg(long)]
    verify: bool,
    /// No progress output.
    #[arg(long)]
    quiet: bool,
    /// How many unexpected outcomes to list per mode on the console.
    #[arg(long, default_value_t = 50)]
    show: usize,
    /// Address-space limit per worker process, MiB (0: none).
    #[arg(long, default_value_t = 4096)]
    memory_mib: u64,
    /// Build a fresh locked-down engine for every hardened-mode test instead of reusing one per
    /// worker (compartment mode) or forking one per test directory (lockdown mode); slower, for
    /// checking that reuse changes no outcome.
    #[arg(long)]
    fresh_engines: bool,
    #[arg(long, hide = true)]
    worker: bool,
    #[arg(long, hide = true)]
    harness: Option<PathBuf>,
}

/// The workspace root, as compiled.
fn workspace() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.worker {
        let Some(harness) = cli.harness else {
            eprintln!("--worker needs --harness DIR");
            return ExitCode::from(2);
        };
        return worker::main(harness, cli.memory_mib, !cli.fresh_engines);
    }
    match drive(&cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("conformance: {message}");
            ExitCode::from(2)
        }
    }
}

/// One suite to run in some modes.
struct Selection {
    suite: Suite,
    modes: Vec<Mode>,
    filters: Vec<String>,
    sample: Option<usize>,
}

fn drive(cli: &Cli) -> Result<ExitCode, String> {
    let out = cli
        .out
        .clone()
        .unwrap_or_else(|| workspace().join("target/conformance"));
    let expectations_dir = cli
        .expectations
        .clone()
        .unwrap_or_else(|| workspace().join("test262/expectations"));
    let report_only = cli.report.is_some()
        && cli.mode.is_none()
        && cli.suite == SuiteArg::Test262
        && !cli.ci
        && !cli.all_modes
        && cli.filter.is_empty()
        && cli.sample.is_none()
        && !cli.update_expectations;
    if report_only {
        if let Some(path) = &cli.report {
            report::write(&out, &expectations_dir, path)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let test262 = suite::locate_test262(cli.test262.as_deref())?;
    let upstream = suite::read_upstream(&test262);
    let test262_suite = Suite {
        tests: test262.join("test"),
        test262: test262.clone(),
        upstream,
    };
    let compartment_suite = || -> Result<Suite, String> {
        Ok(Suite {
            tests: suite::locate_compartment_tests(cli.compartment_tests.as_deref())?,
            ..test262_suite.clone()
        })
    };
    let selections = if cli.ci {
        vec![
            Selection {
                suite: test262_suite.clone(),
                modes: Mode::TEST262.to_vec(),
                filters: Vec::new(),
                sample: Some(CI_SAMPLE),
            },
            Selection {
                suite: compartment_suite()?,
                modes: vec![Mode::CompartmentSuite],
                filters: Vec::new(),
                sample: None,
            },
        ]
    } else if cli.suite == SuiteArg::CompartmentTests {
        vec![Selection {
            suite: compartment_suite()?,
            modes: vec![Mode::CompartmentSuite],
            filters: cli.filter.clone(),
            sample: cli.sample,
        }]
    } else {
        let modes = if cli.all_modes {
            Mode::TEST262.to_vec()
        } else {
            vec![match cli.mode.unwrap_or(ModeArg::Plain) {
                ModeArg::Plain => Mode::Plain,
                ModeArg::Lockdown => Mode::Lockdown,
                ModeArg::Compartment => Mode::Compartment,
            }]
        };
        vec![Selection {
            suite: test262_suite.clone(),
            modes,
            filters: cli.filter.clone(),
            sample: cli.sample,
        }]
    };
    println!(
        "test262: {} ({})",
        test262.display(),
        test262_suite
            .upstream
            .as_deref()
            .unwrap_or("no UPSTREAM file: unknown commit")
    );

    let started = Instant::now();
    let workers = cli
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    // Plan every execution of every selection, then run them in one pool.
    let mut jobs = Vec::new();
    let mut index: Vec<(String, Variant, Mode)> = Vec::new();
    let mut records: BTreeMap<Mode, Vec<Record>> = BTreeMap::new();
    let mut metas_by_path: BTreeMap<String, Meta> = BTreeMap::new();
    let mut full_by_mode: BTreeMap<Mode, (bool, Vec<String>, Option<usize>)> = BTreeMap::new();
    for selection in &selections {
        let mut tests = suite::collect(&selection.suite.tests)?;
        if !selection.filters.is_empty() {
            tests.retain(|t| selection.filters.iter().any(|f| t.contains(f.as_str())));
        }
        if let Some(n) = selection.sample {
            tests = suite::sample(&tests, n);
        }
        if tests.is_empty() {
            return Err(format!(
                "no test in {} matches {:?}",
                selection.suite.tests.display(),
                selection.filters
            ));
        }
        let metas = read_metas(&selection.suite.tests, &tests, workers);
        for mode in &selection.modes {
            full_by_mode.insert(
                *mode,
                (
                    selection.filters.is_empty() && selection.sample.is_none(),
                    selection.filters.clone(),
                    selection.sample,
                ),
            );
            let mode_records = records.entry(*mode).or_default();
            for (rel, meta) in tests.iter().zip(&metas) {
                let meta = match meta {
                    Ok(meta) => meta,
                    Err(message) => {
                        mode_records.push(Record {
                            path: rel.clone(),
                            variant: Variant::Sloppy,
                            mode: *mode,
                            outcome: Outcome::Fail,
                            message: message.clone(),
                            ms: 0,
                        });
                        continue;
                    }
                };
                metas_by_path.insert(rel.clone(), meta.clone());
                let skip = suite::skip_reason(meta, *mode);
                for variant in Variant::of(meta) {
                    if let Some(reason) = &skip {
                        mode_records.push(Record {
                            path: rel.clone(),
                            variant,
                            mode: *mode,
                            outcome: Outcome::Skip,
                            message: reason.clone(),
                            ms: 0,
                        });
                        continue;
                    }
                    jobs.push(Job {
                        id: index.len(),
                        mode: *mode,
                        variant,
                        path: selection.suite.tests.join(rel),
                        engine: EngineState::AsMode,
                    });
                    index.push((rel.clone(), variant, *mode));
                }
            }
        }
    }
    let modes: Vec<Mode> = records.keys().copied().collect();
    // CI machines are busy: a test that passes in seconds must not time out there.
    let timeout = if cli.ci {
        cli.timeout.max(CI_TIMEOUT)
    } else {
        cli.timeout.max(0.1)
    };
    if !cli.from_results {
        println!(
            "running {} executions ({}) on {workers} workers, timeout {} s",
            jobs.len(),
            modes
                .iter()
                .map(|m| m.name())
                .collect::<Vec<_>>()
                .join(", "),
            timeout
        );
    }

    let config = PoolConfig {
        exe: std::env::current_exe().map_err(|e| format!("cannot find this executable: {e}"))?,
        harness: test262_suite.harness(),
        timeout: Duration::from_secs_f64(timeout),
        workers,
        memory_mib: cli.memory_mib,
        fresh_engines: cli.fresh_engines,
    };
    let reports = if cli.from_results {
        // Re-judge the last run's results (e.g. after editing expectations or categories).
        let mut reports = Vec::new();
        for mode in records.keys() {
            let full = full_by_mode.get(mode).is_some_and(|(full, _, _)| *full);
            reports.push(RunReport::load(&RunReport::path(&out, *mode, full))?);
        }
        reports
    } else {
        let progress = Progress::new(jobs.len(), cli.quiet);
        let done = pool::run(jobs, &config, &|done| progress.record(done.reply.outcome));
        progress.finish();
        let seconds = started.elapsed().as_secs_f64();
        for done in done {
            let Some((path, variant, mode)) = index.get(done.reply.id).cloned() else {
                continue;
            };
            records.entry(mode).or_default().push(Record {
                path,
                variant,
                mode,
                outcome: done.reply.outcome,
                message: done.reply.message,
                ms: u64::try_from(done.elapsed.as_millis()).unwrap_or(u64::MAX),
            });
        }
        // Sorted for a deterministic report.
        let date = results::today();
        let mut reports = Vec::new();
        for (mode, mut mode_records) in records {
            mode_records.sort_by(|a, b| (&a.path, a.variant).cmp(&(&b.path, b.variant)));
            let (full, filters, sample) = full_by_mode.get(&mode).cloned().unwrap_or_default();
            reports.push(RunReport {
                mode,
                suite: test262_suite.upstream.clone(),
                date: date.clone(),
                full,
                filters,
                sample,
                workers,
                seconds,
                results: mode_records,
            });
        }
        reports
    };
    let facts = if cli.verify || cli.update_expectations {
        let plain = Expectations::load(&expectations_dir, Mode::Plain)?;
        let harness = test262_suite.harness();
        let paths = facts::Paths {
            tests: &test262_suite.tests,
            harness: &harness,
        };
        facts::gather(&reports, &plain, &metas_by_path, &paths, &config, cli.quiet)
    } else {
        BTreeMap::new()
    };
    let seconds = started.elapsed().as_secs_f64();

    let (exit, closing) = conclude(
        cli,
        &reports,
        &expectations_dir,
        &metas_by_path,
        &facts,
        &out,
    )?;
    if let Some(path) = &cli.report {
        report::write(&out, &expectations_dir, path)?;
    }
    println!("time: {seconds:.1} s");
    println!("{closing}");
    Ok(exit)
}

/// Reads every selected test's frontmatter, in parallel.
fn read_metas(root: &Path, tests: &[String], workers: usize) -> Vec<Result<Meta, String>> {
    let chunk = tests.len().div_ceil(workers.max(1)).max(1);
    let parts = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for (i, part) in tests.chunks(chunk).enumerate() {
            let parts = &parts;
            scope.spawn(move || {
                let metas: Vec<_> = part
                    .iter()
                    .map(|rel| {
                        let path = root.join(rel);
                        std::fs::read_to_string(&path)
                            .map_err(|e| format!("{}: {e}", path.display()))
                            .and_then(|source| Meta::parse(&source))
                    })
                    .collect();
                parts
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push((i, metas));
            });
        }
    });
    let mut parts = parts
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    parts.sort_by_key(|(i, _)| *i);
    parts.into_iter().flat_map(|(_, metas)| metas).collect()
}

/// Compares with the expectations (or rewrites them), writes the reports, prints what was
/// unexpected; returns the exit code and the closing line.
fn conclude(
    cli: &Cli,
    reports: &[RunReport],
    expectations_dir: &Path,
    metas: &BTreeMap<String, Meta>,
    facts: &BTreeMap<facts::Key, cause::Facts>,
    out: &Path,
) -> Result<(ExitCode, String), String> {
    let mut expectations: BTreeMap<Mode, Expectations> = BTreeMap::new();
    for report in reports {
        let mut current = Expectations::load(expectations_dir, report.mode)?;
        if cli.update_expectations {
            let plain = if report.mode == Mode::Plain {
                None
            } else if let Some(plain) = expectations.get(&Mode::Plain) {
                Some(plain.clone())
            } else {
                Some(Expectations::load(expectations_dir, Mode::Plain)?)
            };
            current = expect::update(&current, &report.results, metas, plain.as_ref(), facts);
            current.save(expectations_dir, report.mode)?;
            println!(
                "updated {}",
                Expectations::path(expectations_dir, report.mode).display()
            );
        }
        expectations.insert(report.mode, current);
    }
    if !facts.is_empty() {
        let checked = facts::check(facts, &expectations);
        let path = facts::save(out, &checked)?;
        let count = |verdict: &str| checked.iter().filter(|c| c.verdict == verdict).count();
        println!(
            "verify: {} labels verified, {} contradicted, {} unverifiable: {}",
            count("verified"),
            count("contradicted"),
            count("unverifiable"),
            path.display()
        );
        for c in checked
            .iter()
            .filter(|c| c.verdict == "contradicted")
            .take(cli.show)
        {
            println!(
                "  CONTRADICTED [{}] {} ({}): {}: {}",
                c.mode,
                c.path,
                c.variant.name(),
                c.category,
                c.why
            );
        }
    }
    let mut compared = Vec::new();
    for report in reports {
        let comparison = expect::compare(&report.results, &expectations[&report.mode]);
        compared.push((report.clone(), comparison));
    }
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    for (report, comparison) in &compared {
        let path = report.save(out)?;
        let t = Tally::of(&report.results);
        println!(
            "{}: {} executions: {} pass, {} fail, {} timeout, {} crash, {} skip ({:.2}% of those run pass); \
             {} unexpected failures, {} unexpected passes; {}",
            report.mode,
            t.total(),
            t.pass,
            t.fail,
            t.timeout,
            t.crash,
            t.skip,
            t.rate(),
            comparison.new_failures.len(),
            comparison.new_passes.len(),
            path.display()
        );
        for (label, list) in [
            ("UNEXPECTED FAILURE", &comparison.new_failures),
            ("UNEXPECTED PASS", &comparison.new_passes),
        ] {
            for record in list.iter().take(cli.show) {
                println!(
                    "  {label} [{}] {} ({}): {}",
                    report.mode,
                    record.path,
                    record.variant.name(),
                    one_line(&record.message, 200)
                );
            }
            if list.len() > cli.show {
                println!("  ... and {} more (see the summary)", list.len() - cli.show);
            }
        }
        passed += comparison.as_expected + comparison.new_passes.len();
        failed += comparison.new_failures.len();
        skipped += comparison.skipped;
    }
    let summary_path = out.join("summary.md");
    std::fs::write(&summary_path, results::summary(&compared))
        .map_err(|e| format!("{}: {e}", summary_path.display()))?;
    println!("summary: {}", summary_path.display());
    // Passed counts outcomes that match the expectations (or beat them); failed counts new
    // failures, the only thing that fails the run.
    let closing = format!("conformance: {passed} passed, {failed} failed, {skipped} skipped");
    let exit = if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    };
    Ok((exit, closing))
}
