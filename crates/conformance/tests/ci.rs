//! CI's conformance check: a fixed sample of test262 (every k-th test by sorted path) in the
//! plain, lockdown and compartment modes, plus the whole Compartment suite, held to the
//! expectation files in `test262/expectations/`. Fails on any unexpected failure.
//!
//! The suites come from `--test262`/`TEST262_DIR` (`--compartment-tests`/
//! `COMPARTMENT_TESTS_DIR`), then `../shared/`, then the commits pinned in
//! `test262/suites.toml`, fetched once into `target/suites/`; see `test262/README.md`.

use std::process::Command;

#[test]
fn ci_sample_matches_the_expectations() {
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("conformance-ci");
    let status = Command::new(env!("CARGO_BIN_EXE_conformance"))
        .arg("--ci")
        .arg("--out")
        .arg(&out)
        .status()
        .expect("the conformance binary runs");
    // Exit 2: the run could not start (no suite, no network to fetch it); it said why above.
    assert_ne!(
        status.code(),
        Some(2),
        "conformance --ci could not run (its message is above): nothing was compared"
    );
    assert!(
        status.success(),
        "conformance --ci found unexpected outcomes (listed above; details in {}/summary.md). \
         If a change is intended, regenerate the expectations with \
         `cargo run --release -p conformance -- --mode MODE --update-expectations`",
        out.display()
    );
}
