//! Fuzzing the hardened engine: a byte-driven generator of hostile guest programs
//! ([`program`]) and an [`Oracle`] that runs each one in a fresh compartment after lockdown and
//! checks what lockdown promises.
//!
//! The two halves serve two drivers: the coverage-guided libFuzzer target in `fuzz/` (run by
//! hand for long sessions, see `fuzz/README.md`) and the proptest in `tests/` that `cargo test`
//! runs in CI. Every byte string is a program, so libFuzzer's mutations become program edits.
//!
//! ```
//! let mut oracle = hardened_fuzzing::Oracle::new();
//! let source = hardened_fuzzing::program(b"\x01\x07\x03\x02");
//! oracle.check(&source).expect("lockdown's guarantees hold");
//! ```

mod generate;
mod oracle;

pub use generate::{RAW, program};
pub use oracle::{Finding, Oracle};
