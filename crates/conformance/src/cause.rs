//! Failure categories by cause: each has a rule a reader can check, and the runner checks it
//! against [`Facts`] about the failing execution (what plain Boa does with the same test, what
//! the same mode does without `lockdown()`, what the test's syntax tree holds, its other
//! variant). A category whose rule cannot be checked says so.

use crate::{
    expect::UNSUPPORTED_FEATURES,
    protocol::Outcome,
    suite::{Mode, Variant},
};

/// Where a category's failures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Boa itself: the test fails in plain mode too.
    Boa,
    /// A deliberate consequence of hardening.
    Hardening,
    /// Something to fix (ours, or Boa reached only through our evaluator).
    NotDeliberate,
}

/// What is known about one failing execution in a hardened mode. `None`: not measured.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub mode: Option<Mode>,
    pub variant: Option<Variant>,
    pub path: String,
    pub message: String,
    pub features: Vec<String>,
    /// The same execution fails in plain mode (plain's expectation file lists it).
    pub fails_in_plain: bool,
    /// The test's strict variant in the same mode.
    pub strict_sibling: Option<Outcome>,
    /// A sloppy-only (`noStrict`) test run in plain mode with `"use strict";` prepended.
    pub plain_forced_strict: Option<Outcome>,
    /// The same execution in the same mode with an engine that is not locked down.
    pub unlocked: Option<Outcome>,
    /// The same, with the intrinsics frozen by the runner and nothing tamed (measured when it
    /// passes unlocked).
    pub frozen_only: Option<Outcome>,
    /// The test or one of its harness includes calls `eval(...)` directly (from Boa's AST).
    pub direct_eval: Option<bool>,
    /// The test declares with `using` or `await using` (from Boa's AST).
    pub using: Option<bool>,
    /// The test uses a second realm (`cross-realm` feature or `$262.createRealm`).
    pub cross_realm: bool,
    /// The test's source or one of its includes mentions `eval`, `Function(` or `evalScript`:
    /// it compiles code from strings, which a compartment compiles strict.
    pub compiles_strings: bool,
}

/// The result of checking a category's rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Verified,
    /// The rule does not hold: the label names the wrong cause.
    Contradicted(String),
    /// The runner cannot check this rule (or did not measure what it needs).
    Unverifiable,
}

/// A category: its name (or name prefix, ending in `: `), where it comes from, why, the rule,
/// and the check of the rule.
pub struct Category {
    pub name: &'static str,
    pub source: Source,
    pub why: &'static str,
    pub rule: &'static str,
    check: fn(&Facts) -> Verdict,
}

impl Category {
    pub fn check(&self, facts: &Facts) -> Verdict {
        (self.check)(facts)
    }
}

fn verdict(holds: bool, otherwise: &str) -> Verdict {
    if holds {
        Verdict::Verified
    } else {
        Verdict::Contradicted(otherwise.to_owned())
    }
}

fn unverifiable(_: &Facts) -> Verdict {
    Verdict::Unverifiable
}

fn fails_in_plain(facts: &Facts) -> Verdict {
    verdict(facts.fails_in_plain, "passes in plain mode")
}

fn unsupported_feature(facts: &Facts) -> Verdict {
    if !facts.fails_in_plain {
        return Verdict::Contradicted("passes in plain mode".into());
    }
    verdict(
        facts
            .features
            .iter()
            .any(|f| UNSUPPORTED_FEATURES.contains(&f.as_str())),
        "lists no feature Boa lacks",
    )
}

/// Lockdown causes it: the same execution passes without lockdown.
fn lockdown_causes(facts: &Facts) -> Verdict {
    match facts.unlocked {
        None => Verdict::Unverifiable,
        Some(Outcome::Pass) => Verdict::Verified,
        Some(_) => Verdict::Contradicted("fails without lockdown too".into()),
    }
}

/// Lockdown's freeze causes it: it passes without lockdown and fails with the intrinsics only
/// frozen.
fn freeze_causes(facts: &Facts) -> Verdict {
    match (lockdown_causes(facts), facts.frozen_only) {
        (Verdict::Verified, None) => Verdict::Unverifiable,
        (Verdict::Verified, Some(Outcome::Pass)) => Verdict::Contradicted(
            "passes with the intrinsics frozen only: a taming causes it".into(),
        ),
        (other, _) => other,
    }
}

/// One of lockdown's tamings causes it: it passes without lockdown and with the intrinsics
/// only frozen.
fn taming_causes(facts: &Facts) -> Verdict {
    match (lockdown_causes(facts), facts.frozen_only) {
        (Verdict::Verified, None) => Verdict::Unverifiable,
        (Verdict::Verified, Some(Outcome::Pass)) => Verdict::Verified,
        (Verdict::Verified, Some(_)) => Verdict::Contradicted(
            "fails with the intrinsics frozen only: the freeze causes it".into(),
        ),
        (other, _) => other,
    }
}

/// Hardening causes it, whichever part: it passes in plain mode.
fn fails_only_hardened(facts: &Facts) -> Verdict {
    verdict(!facts.fails_in_plain, "fails in plain mode too")
}

/// A verdict that also needs `holds` (what the message or path shows).
fn and(verdict: Verdict, holds: bool, what: &str) -> Verdict {
    match verdict {
        Verdict::Verified if !holds => Verdict::Contradicted(format!("not {what}")),
        other => other,
    }
}

/// The compartment (not lockdown, not Boa) causes it: it fails without lockdown too and passes
/// in plain mode.
fn compartment_causes(facts: &Facts) -> Verdict {
    if facts.fails_in_plain {
        return Verdict::Contradicted("fails in plain mode too".into());
    }
    match facts.unlocked {
        None => Verdict::Unverifiable,
        Some(Outcome::Pass) => Verdict::Contradicted("passes without lockdown".into()),
        Some(_) => Verdict::Verified,
    }
}

fn compartment_with(facts: &Facts, holds: bool, what: &str) -> Verdict {
    and(compartment_causes(facts), holds, what)
}

const DIRECT_EVAL_REJECTED: &str = "direct eval is not supported";

/// Property names that ordinary objects commonly assign over an inherited data property.
const OVERRIDE_NAMES: &[&str] = &[
    "constructor",
    "toString",
    "valueOf",
    "toLocaleString",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "then",
    "exec",
    "message",
    "name",
    "Symbol(Symbol.iterator)",
];

/// An assignment that failed on a read-only property of a name objects commonly override.
fn is_override_message(message: &str) -> bool {
    let name = message
        .split("non-writable property: ")
        .nth(1)
        .map(|rest| rest.split_whitespace().next().unwrap_or(rest))
        .or_else(|| {
            let rest = message.split("read only property '").nth(1)?;
            rest.split('\'').next()
        });
    name.is_some_and(|name| OVERRIDE_NAMES.contains(&name))
}

/// Every category, in the order the report lists causes.
pub static CATEGORIES: &[Category] = &[
    Category {
        name: "unsupported-feature: ",
        source: Source::Boa,
        why: "Boa 0.22 does not implement the feature",
        rule: "fails in plain mode too, and lists the feature in its frontmatter",
        check: unsupported_feature,
    },
    Category {
        name: "boa-bug",
        source: Source::Boa,
        why: "a Boa bug that plain mode shows too",
        rule: "fails in plain mode too",
        check: fails_in_plain,
    },
    Category {
        name: "strict-evaluate",
        source: Source::Hardening,
        why: "Compartment.prototype.evaluate and a compartment's Function make strict code only \
              (as SES): the sloppy variant and noStrict tests see strict semantics",
        rule: "the sloppy variant fails while the strict variant passes in the same mode; or a \
               noStrict test that plain Boa fails too when it is run strict; or (any variant) \
               the test or its includes compile code from strings (they mention `eval`, \
               `Function(`, `Function.call(`, `Function.apply(` or `evalScript`) and it fails without lockdown too and passes in \
               plain mode",
        check: |facts| {
            // A rejection is its own cause, whatever the strictness.
            if facts.message.contains(DIRECT_EVAL_REJECTED) || facts.using == Some(true) {
                return Verdict::Contradicted(
                    "the failure is a rejected direct eval or `using`".into(),
                );
            }
            let from_strings = facts.compiles_strings
                && !facts.fails_in_plain
                && facts.unlocked.is_some_and(|o| o != Outcome::Pass);
            let own = match (
                facts.variant,
                facts.strict_sibling,
                facts.plain_forced_strict,
            ) {
                (Some(Variant::Sloppy), Some(strict), _) => Some(strict == Outcome::Pass),
                (Some(Variant::Sloppy), None, Some(forced)) => Some(forced != Outcome::Pass),
                _ => None,
            };
            match (own, from_strings) {
                (Some(true), _) | (_, true) => Verdict::Verified,
                (Some(false), false) => Verdict::Contradicted(
                    "its strict variant (or plain Boa run strict) fails too, and it compiles \
                     nothing from strings that fails without lockdown"
                        .into(),
                ),
                (None, false) if facts.unlocked.is_some() => Verdict::Contradicted(
                    "not a sloppy execution, and it compiles nothing from strings that fails \
                     without lockdown"
                        .into(),
                ),
                (None, false) => Verdict::Unverifiable,
            }
        },
    },
    Category {
        name: "direct-eval-rejected",
        source: Source::Hardening,
        why: "compartment code rejects direct eval with a SyntaxError (docs/architecture.md, \
              Decisions)",
        rule: "the test or a harness include calls `eval(...)` directly (Boa's AST) and the \
               failure is the rejection",
        check: |facts| match facts.direct_eval {
            None => Verdict::Unverifiable,
            Some(found) => verdict(
                found && facts.message.contains(DIRECT_EVAL_REJECTED),
                "no direct eval was rejected",
            ),
        },
    },
    Category {
        name: "direct-eval-is-ordinary-call",
        source: Source::Hardening,
        why: "the start compartment accepts direct-eval syntax as SES's `safe-eval` does: \
              `eval(src)` is an ordinary call of its evaluator, so eval code sees no local \
              variables, `this`, `new.target`, `super` or private names of the caller",
        rule: "lockdown mode, the test or a harness include calls `eval(...)` directly, and it \
               fails without lockdown too",
        check: |facts| {
            let direct = facts.direct_eval.unwrap_or(false) && facts.mode == Some(Mode::Lockdown);
            compartment_with(facts, direct, "a direct eval in the start compartment")
        },
    },
    Category {
        name: "using-rejected",
        source: Source::Hardening,
        why: "compartment code rejects `using` and `await using` declarations with a \
              SyntaxError: Boa 0.22 parses them but panics compiling them, and no guest input \
              may crash the host",
        rule: "the test declares with `using` or `await using` (Boa's AST)",
        check: |facts| match facts.using {
            None => Verdict::Unverifiable,
            Some(found) => verdict(found, "declares nothing with `using`"),
        },
    },
    Category {
        name: "mutates-frozen-intrinsic",
        source: Source::Hardening,
        why: "lockdown freezes every shared intrinsic: tests that add, replace or delete their \
              properties, or assert that they are writable, configurable or extensible, must fail",
        rule: "passes without lockdown, and fails with the intrinsics frozen (by the runner) and \
               nothing tamed",
        check: freeze_causes,
    },
    Category {
        name: "override-mistake",
        source: Source::Hardening,
        why: "assigning a property that an object inherits from a frozen prototype throws where \
              lockdown's override taming does not convert it to an accessor, as in SES",
        rule: "passes without lockdown, fails with the intrinsics only frozen, and fails \
               assigning a read-only property of a name \
               objects commonly override (constructor, toString, valueOf, then, name, message, \
               ...)",
        check: |facts| {
            let holds = is_override_message(&facts.message);
            and(
                freeze_causes(facts),
                holds,
                "an assignment of a commonly overridden name",
            )
        },
    },
    Category {
        name: "taming: Date.now",
        source: Source::Hardening,
        why: "compartments have no ambient clock: Date.now() and new Date() without arguments \
              throw, as in SES",
        rule: "passes in plain mode, and the error is %SharedDate%'s (a compartment has it with \
               or without lockdown)",
        check: |facts| {
            let holds = facts.message.contains("%SharedDate%");
            and(fails_only_hardened(facts), holds, "%SharedDate%'s error")
        },
    },
    Category {
        name: "taming: Math.random",
        source: Source::Hardening,
        why: "compartments have no ambient randomness: Math.random throws, as in SES",
        rule: "passes in plain mode, and the error is %SharedMath%'s (a compartment has it with \
               or without lockdown)",
        check: |facts| {
            let holds = facts.message.contains("%SharedMath%");
            and(fails_only_hardened(facts), holds, "%SharedMath%'s error")
        },
    },
    Category {
        name: "taming: Temporal.Now",
        source: Source::Hardening,
        why: "compartments have no ambient clock: Temporal.Now is removed from the shared \
              Temporal, as SES treats Date.now",
        rule: "passes without lockdown and with the intrinsics only frozen, and is a \
               Temporal.Now test or names Temporal.Now",
        check: |facts| {
            let now = facts.path.starts_with("built-ins/Temporal/Now/")
                || facts.message.contains("Temporal.Now");
            and(taming_causes(facts), now, "about Temporal.Now")
        },
    },
    Category {
        name: "override-enablement",
        source: Source::Hardening,
        why: "lockdown turns some data properties into accessors (SES override taming, so that \
              assigning them on an inheriting object works): their descriptors differ",
        rule: "passes without lockdown (the freeze alone may fail it too: not checked which)",
        check: lockdown_causes,
    },
    Category {
        name: "removed-intrinsic",
        source: Source::Hardening,
        why: "lockdown removes what its permits do not list (non-standard or dangerous \
              properties), as SES does",
        rule: "passes without lockdown and with the intrinsics only frozen (that a removal, not \
               another taming, causes it is not checked)",
        check: taming_causes,
    },
    Category {
        name: "removed-by-lockdown: RegExp.prototype.compile",
        source: Source::Hardening,
        why: "lockdown removes Annex B's `RegExp.prototype.compile`, as SES does",
        rule: "passes without lockdown and with the intrinsics only frozen, and is a \
               RegExp.prototype.compile test",
        check: |facts| {
            let holds = facts.path.contains("compile");
            and(taming_causes(facts), holds, "a compile test")
        },
    },
    Category {
        name: "tamed-intrinsic",
        source: Source::Hardening,
        why: "lockdown replaces some intrinsics (Error stack, RegExp/Math/locale methods, \
              Function constructors) with tamed versions whose observable shape differs",
        rule: "passes without lockdown and with the intrinsics only frozen: one of lockdown's \
               tamings causes it",
        check: taming_causes,
    },
    Category {
        name: "inert-function-constructors",
        source: Source::Hardening,
        why: "the hardened engine (locked down or not) makes the realm's Function, \
              AsyncFunction, GeneratorFunction and AsyncGeneratorFunction constructors refuse to \
              compile: code they made would belong to no compartment (docs/security.md); a \
              compartment's own Function compiles",
        rule: "fails without lockdown too, passes in plain mode, and the error is an inert \
               constructor's",
        check: |facts| {
            let holds = facts.message.contains("is not a valid constructor");
            compartment_with(facts, holds, "an inert constructor's error")
        },
    },
    Category {
        name: "compartment-evaluators",
        source: Source::Hardening,
        why: "every compartment, the start compartment too, has its own `Function` and `eval` \
              (as SES's compartments do), while `Function.prototype.constructor` and the \
              constructors of async and generator functions are the shared inert ones: tests \
              that expect them to be the global `Function` fail",
        rule: "fails without lockdown too, passes in plain mode, and the failed comparison is of \
               a `Function` constructor",
        check: |facts| {
            let holds = facts
                .message
                .contains("«function Function() { [native code] }»");
            compartment_with(facts, holds, "a comparison of Function constructors")
        },
    },
    Category {
        name: "shared-intrinsics",
        source: Source::Hardening,
        why: "all compartments share one set of intrinsics, so $262.createRealm returns a \
              compartment and cross-realm tests that expect distinct intrinsics fail",
        rule: "uses a second realm, fails without lockdown too and passes in plain mode",
        check: |facts| compartment_with(facts, facts.cross_realm, "a cross-realm test"),
    },
    Category {
        name: "evaluate-scope",
        source: Source::Hardening,
        why: "top-level declarations are local to an evaluate call and `this`/the global object \
              is the compartment's own (SES semantics): tests that look for their declarations \
              on the global object fail",
        rule: "fails without lockdown too and passes in plain mode (that the global object is \
               the reason is not checked)",
        check: compartment_causes,
    },
    Category {
        name: "host: [[CanBlock]] false",
        source: Source::Hardening,
        why: "the hardened engine's context cannot block (what an embedding host wants: guest \
              code must not suspend the host's thread), so Atomics.wait on the main agent throws",
        rule: "fails without lockdown too, passes in plain mode, and the error is that the agent \
               cannot be suspended",
        check: |facts| {
            let holds = facts.message.contains("agent cannot be suspended");
            compartment_with(facts, holds, "an agent that cannot block")
        },
    },
    Category {
        name: "aggregated-load-errors",
        source: Source::Hardening,
        why: "when several modules of a graph fail to load, the compartment reports one \
              TypeError naming every failure, as SES does (unless `noAggregateLoadErrors` is \
              set), where test262 expects the first failure's SyntaxError",
        rule: "fails without lockdown too, passes in plain mode, and the error names the \
               underlying failures",
        check: |facts| {
            let holds = facts.message.contains("underlying failures");
            compartment_with(facts, holds, "an aggregated load error")
        },
    },
    Category {
        name: "ses-xs-difference",
        source: Source::Hardening,
        why: "where SES and XS disagree the hardened crate follows SES (e.g. `new \
              Compartment(undefined)` takes the defaults); the Compartment suite was written for \
              XS",
        rule: "not checkable: read the test",
        check: unverifiable,
    },
    Category {
        name: "boa-bug: Function-compiled code",
        source: Source::NotDeliberate,
        why: "class accessors whose computed key throws report a ReferenceError instead of the \
              key's error in code the compartment evaluator compiles (the test passes in plain \
              Boa and fails without lockdown too); the Boa defect behind it is not isolated yet",
        rule: "fails without lockdown too and passes in plain mode (the Boa bug is not checked)",
        check: compartment_causes,
    },
    Category {
        name: "hardened: job executor timeouts",
        source: Source::NotDeliberate,
        why: "Atomics.waitAsync timeouts do not fire under the hardened engine's job executor",
        rule: "fails without lockdown too and passes in plain mode",
        check: compartment_causes,
    },
    Category {
        name: "lockdown: unclassified",
        source: Source::NotDeliberate,
        why: "lockdown causes it (it passes without lockdown) but no category's rule matches: \
              to read and classify",
        rule: "passes without lockdown",
        check: lockdown_causes,
    },
    Category {
        name: "compartment: unclassified",
        source: Source::NotDeliberate,
        why: "it passes in plain mode and fails without lockdown too, and no category's rule \
              matches: to read and classify",
        rule: "fails without lockdown too and passes in plain mode",
        check: compartment_causes,
    },
    Category {
        name: "timeout",
        source: Source::NotDeliberate,
        why: "takes longer than the per-test timeout",
        rule: "the outcome is a timeout",
        check: |facts| {
            verdict(
                facts.message.starts_with("no result within"),
                "not a timeout",
            )
        },
    },
    Category {
        name: "crash",
        source: Source::NotDeliberate,
        why: "the worker process died",
        rule: "the outcome is a crash",
        check: unverifiable,
    },
];

/// The category named `name` (prefix categories match `prefix...`).
pub fn category(name: &str) -> Option<&'static Category> {
    CATEGORIES
        .iter()
        .find(|c| c.name == name || (c.name.ends_with(": ") && name.starts_with(c.name)))
}

/// Where a category comes from; an unknown name is something to fix.
pub fn source(name: &str) -> Source {
    category(name).map_or(Source::NotDeliberate, |c| c.source)
}

/// Checks a label against the facts; an unknown label is contradicted.
pub fn verify(name: &str, facts: &Facts) -> Verdict {
    category(name).map_or_else(
        || Verdict::Contradicted(format!("`{name}` is no known category")),
        |c| c.check(facts),
    )
}

/// The category of a failing execution from its facts, cause first: Boa's (plain mode fails it
/// too; `plain_reason` is plain's label), then what the syntax tree shows, then strictness,
/// then whether lockdown causes it (the label within lockdown's causes is read from the
/// message), then the compartment. Every answer is one whose rule holds or cannot be checked.
pub fn infer(facts: &Facts, plain_reason: Option<&str>, outcome: Outcome) -> String {
    match outcome {
        Outcome::Timeout => return "timeout".into(),
        Outcome::Crash => return "crash".into(),
        _ => {}
    }
    if facts.fails_in_plain {
        return plain_reason.map_or_else(|| "boa-bug".into(), str::to_owned);
    }
    // Rules that name a specific mechanism (syntax, a message) first, broad ones after.
    let candidates: &[&str] = &[
        "direct-eval-rejected",
        "using-rejected",
        "inert-function-constructors",
        "compartment-evaluators",
        "host: [[CanBlock]] false",
        "aggregated-load-errors",
        "taming: Date.now",
        "taming: Math.random",
        "taming: Temporal.Now",
        "removed-by-lockdown: RegExp.prototype.compile",
        "strict-evaluate",
        "override-mistake",
        "mutates-frozen-intrinsic",
        "tamed-intrinsic",
        "shared-intrinsics",
        "direct-eval-is-ordinary-call",
    ];
    for name in candidates {
        if verify(name, facts) == Verdict::Verified {
            return (*name).into();
        }
    }
    match facts.unlocked {
        Some(Outcome::Pass) => "lockdown: unclassified".into(),
        Some(_) => "compartment: unclassified".into(),
        None => "uncategorized".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> Facts {
        Facts {
            mode: Some(Mode::Compartment),
            variant: Some(Variant::Strict),
            path: "built-ins/Array/prototype/x.js".into(),
            ..Facts::default()
        }
    }

    #[test]
    fn the_freeze_and_the_tamings_are_told_apart() {
        let mut f = facts();
        f.message = "Test262Error: Expected SameValue(«undefined», «11»)".into();
        f.unlocked = Some(Outcome::Pass);
        assert_eq!(
            verify("mutates-frozen-intrinsic", &f),
            Verdict::Unverifiable
        );
        f.frozen_only = Some(Outcome::Fail);
        assert_eq!(verify("mutates-frozen-intrinsic", &f), Verdict::Verified);
        assert_eq!(infer(&f, None, Outcome::Fail), "mutates-frozen-intrinsic");
        // Passing with the intrinsics only frozen: a taming, not the freeze.
        f.frozen_only = Some(Outcome::Pass);
        assert!(matches!(
            verify("mutates-frozen-intrinsic", &f),
            Verdict::Contradicted(_)
        ));
        assert_eq!(infer(&f, None, Outcome::Fail), "tamed-intrinsic");
        // Failing without lockdown too: not lockdown at all.
        f.unlocked = Some(Outcome::Fail);
        assert!(matches!(
            verify("tamed-intrinsic", &f),
            Verdict::Contradicted(_)
        ));
        assert_eq!(infer(&f, None, Outcome::Fail), "compartment: unclassified");
    }

    #[test]
    fn inference_follows_causes_not_messages() {
        let mut f = facts();
        f.variant = Some(Variant::Sloppy);
        f.message = "SyntaxError: direct eval is not supported in compartment code".into();
        f.direct_eval = Some(true);
        f.strict_sibling = Some(Outcome::Fail);
        f.unlocked = Some(Outcome::Fail);
        assert_eq!(infer(&f, None, Outcome::Fail), "direct-eval-rejected");
        // A strict-mode message on a test whose strict variant fails too is not strictness.
        f.direct_eval = Some(false);
        f.message = "SyntaxError: strict mode code may not use with".into();
        assert_eq!(infer(&f, None, Outcome::Fail), "compartment: unclassified");
        f.strict_sibling = Some(Outcome::Pass);
        assert_eq!(infer(&f, None, Outcome::Fail), "strict-evaluate");
        // Plain mode's failures are Boa's.
        f.fails_in_plain = true;
        assert_eq!(
            infer(&f, Some("unsupported-feature: decorators"), Outcome::Fail),
            "unsupported-feature: decorators"
        );
    }

    #[test]
    fn shared_intrinsics_must_not_pass_unlocked() {
        let mut f = facts();
        f.cross_realm = true;
        f.unlocked = Some(Outcome::Fail);
        assert_eq!(verify("shared-intrinsics", &f), Verdict::Verified);
        f.unlocked = Some(Outcome::Pass);
        assert!(matches!(
            verify("shared-intrinsics", &f),
            Verdict::Contradicted(_)
        ));
        assert_eq!(
            verify("no-such-label", &f),
            Verdict::Contradicted("`no-such-label` is no known category".into())
        );
        assert!(category("unsupported-feature: decorators").is_some());
    }
}
