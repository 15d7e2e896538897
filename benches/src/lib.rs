//! Criterion benchmarks live in `compartment.rs`; this crate only hosts them.
