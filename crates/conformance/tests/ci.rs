//! CI's conformance check: a fixed sample of test262 (every k-th test by sorted path) in the
//! plain, lockdown and compartment modes, plus the whole Compartment suite, held to the
//! expectation files in `test262/expectations/`. Fails on any unexpected failure.
//!
//! Needs the suites next to the workspace (`../shared/test262`, `../shared/compartment-tests`)
//! or `TEST262_DIR` / `COMPARTMENT_TESTS_DIR`; see `test262/README.md`.

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
    assert!(
        status.success(),
        "conformance --ci found unexpected outcomes (listed above; details in {}/summary.md). \
         If a change is intended, regenerate the expectations with \
         `cargo run --release -p conformance -- --all-modes --update-expectations`",
        out.display()
    );
}
