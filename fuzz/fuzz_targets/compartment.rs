//! libFuzzer target: every input is a guest program (see `hardened_fuzzing::program`), run in
//! a fresh compartment of one locked-down engine; any broken guarantee aborts the run with the
//! program that broke it.

#![no_main]

use std::cell::RefCell;

use hardened_fuzzing::{Oracle, program};
use libfuzzer_sys::fuzz_target;

thread_local! {
    static ORACLE: RefCell<Oracle> = RefCell::new(Oracle::new());
}

fuzz_target!(|data: &[u8]| {
    let source = program(data);
    ORACLE.with(|oracle| {
        if let Err(finding) = oracle.borrow_mut().check(&source) {
            panic!("{finding}\nprogram:\n{source}");
        }
    });
});
