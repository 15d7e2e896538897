//! Generated pathological sources through every entry point to Boa's parser, on a default
//! 2 MiB thread: each must run or be refused with a SyntaxError; none may overflow the stack.
//! The generator stacks the constructs Boa recurses on (every bracket kind, templates, arrow
//! and operator chains, statement chains, the regex/division ambiguity, comments and unusual
//! white space between tokens) to depths around and far past what the parse bound accepts.

use hardened::{CompartmentOptions, Engine, Error, LockdownOptions};
use proptest::prelude::*;

/// One nesting step: an opening and its closing text.
const STEPS: &[(&str, &str)] = &[
    ("[", "]"),
    ("(", ")"),
    ("{a:", "}"),
    ("`${", "}`"),
    ("x=>", ""),
    ("!", ""),
    ("a?b:", ""),
    ("a=", ""),
    ("1+", ""),
    ("a,", ""),
    ("a||", ""),
    ("new ", ""),
    ("typeof ", ""),
    ("(function(){return ", "})"),
    ("if(a)", ""),
    ("if(a)b;/**/else ", ""),
    ("if(a)b;\u{a0}else ", ""),
    ("do ", ";while(0)"),
    ("l:", ""),
    ("a.", ""),
    // Red team 2026-12: a computed optional member holds one comma expression; a parenthesized
    // expression is cloned by the parser (cover grammar); after an operand and a line break a
    // `/` may start a regular expression (automatic semicolon insertion).
    ("a?.[0,", "]"),
    ("(0,", ")"),
    ("{var b\n/}/.x;\n", ""),
];

/// What may stand between two steps without changing their meaning.
const GAPS: &[&str] = &["", " ", "/**/", "\u{a0}", "\u{feff}", "\u{b}", "\n"];

/// Prefixes that make the next `/` ambiguous, read-as-regex or read-as-division.
const PREFIXES: &[&str] = &[
    "",
    "let y = {}/",
    "let y = (1)/",
    "let y = 1; y++/",
    "x: do /[)]/; while (0);\n",
    "let r =\u{a0}/[)]/;\n",
    "'use strict';\n",
];

fn source(prefix: usize, steps: &[(usize, usize)], depth: usize) -> String {
    let mut open = String::from(PREFIXES[prefix % PREFIXES.len()]);
    let mut close = Vec::new();
    for level in 0..depth {
        let (step, gap) = steps[level % steps.len()];
        let (opening, closing) = STEPS[step % STEPS.len()];
        open.push_str(opening);
        open.push_str(GAPS[gap % GAPS.len()]);
        close.push(closing);
    }
    open.push('1');
    for closing in close.iter().rev() {
        open.push_str(closing);
    }
    if prefix % PREFIXES.len() >= 1 && prefix % PREFIXES.len() <= 3 {
        open.push_str("/1");
    }
    open
}

fn check_every_entry(source: &str) -> Result<(), String> {
    let mut engine = Engine::new().map_err(|e| e.to_string())?;
    engine
        .lockdown(LockdownOptions::default())
        .map_err(|e| e.to_string())?;
    let guest = engine
        .new_compartment(CompartmentOptions::new())
        .map_err(|e| e.to_string())?;
    let quoted = serde_json::to_string(source).map_err(|e| e.to_string())?;
    let judge = |entry: &str, result: Result<(), Error>| match result {
        Ok(()) | Err(Error::Limit(_)) => Ok(()),
        Err(Error::Thrown(thrown))
            if thrown.name == "SyntaxError"
                || thrown.name == "ReferenceError"
                || thrown.name == "TypeError" =>
        {
            Ok(())
        }
        Err(other) => Err(format!("{}: {other}", &entry[..entry.len().min(60)])),
    };
    for entry in [
        format!("(0, eval)({quoted})"),
        format!("Function({quoted})"),
        format!("new ModuleSource({quoted})"),
        format!("new Compartment().evaluate({quoted})"),
    ] {
        judge(&entry, engine.evaluate_value(&guest, &entry).map(drop))?;
    }
    // The host's own entries: `evaluate` and the one-parse `run_script`.
    judge(
        "evaluate_value",
        engine.evaluate_value(&guest, source).map(drop),
    )?;
    judge("run_script", engine.run_script(&guest, source))?;
    match engine.evaluate::<i32>(&guest, "6 * 7") {
        Ok(42) => Ok(()),
        other => Err(format!("the engine stopped working: {other:?}")),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, rng_seed: proptest::test_runner::RngSeed::Fixed(14), ..ProptestConfig::default() })]

    #[test]
    fn pathological_sources_are_refused_or_run_on_a_small_stack(
        prefix in 0usize..16,
        steps in proptest::collection::vec((0usize..64, 0usize..16), 1..4),
        depth in prop_oneof![1usize..64, 500usize..4_000, 20_000usize..120_000],
    ) {
        let text = source(prefix, &steps, depth);
        let outcome = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || check_every_entry(&text))
            .expect("thread")
            .join()
            .map_err(|_| "the thread panicked".to_owned())
            .and_then(|result| result);
        prop_assert!(outcome.is_ok(), "{:?}", outcome);
    }
}
