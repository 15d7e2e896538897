//! The fuzz target's check, driven by proptest so that `cargo test` runs it in CI: generated
//! hostile programs, each in a fresh compartment of one locked-down engine, never change an
//! intrinsic, the host's start compartment or a bystander compartment, never make Boa panic,
//! and leave the engine working. (`fuzz/` runs the same check coverage-guided for hours.)

use std::cell::RefCell;

use hardened_fuzzing::{Oracle, RAW, program};
use proptest::{prelude::*, test_runner::RngSeed};

thread_local! {
    static ORACLE: RefCell<Oracle> = RefCell::new(Oracle::new());
}

fn holds(source: &str) -> Result<(), TestCaseError> {
    ORACLE.with(|oracle| {
        oracle
            .borrow_mut()
            .check(source)
            .map_err(|finding| TestCaseError::fail(format!("{finding}\nprogram:\n{source}")))
    })
}

proptest! {
    // A fixed seed keeps CI deterministic: exploring new programs is what `fuzz/` is for.
    #![proptest_config(ProptestConfig {
        cases: 1024,
        rng_seed: RngSeed::Fixed(0x5e5),
        ..ProptestConfig::default()
    })]

    #[test]
    fn generated_programs_keep_every_guarantee(bytes in prop::collection::vec(any::<u8>(), 0..160)) {
        prop_assume!(bytes.first() != Some(&RAW));
        holds(&program(&bytes))?;
    }

    #[test]
    fn raw_source_keeps_every_guarantee(text in "[ -~\n]{0,120}") {
        holds(&text)?;
    }
}

/// The seeds committed in `fuzz/seeds/` (inputs libFuzzer found interesting) are replayed
/// here, so whatever they exercised stays covered by CI.
#[test]
fn committed_fuzz_seeds_keep_every_guarantee() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        panic!("no seed directory at {}", dir.display());
    };
    let mut seeds: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    for seed in seeds {
        let bytes = std::fs::read(&seed).unwrap();
        if let Err(error) = holds(&program(&bytes)) {
            panic!("{}: {error}", seed.display());
        }
    }
}
