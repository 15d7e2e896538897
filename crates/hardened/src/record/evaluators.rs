//! A compartment's evaluators as data: the owner its code gets, its direct-eval helper and the
//! code compiled for its most recent sources (see `crate::evaluator`).

use boa_engine::{JsObject, Script};
use boa_gc::{Finalize, Gc, GcRefCell, Trace};

use super::CompartmentRecord;

/// Who owns a piece of code, and in which global mode it was compiled.
#[derive(Clone, Trace, Finalize)]
pub(crate) struct Owner {
    pub(crate) compartment: Gc<CompartmentRecord>,
    /// Compiled by `evaluate(src, {sloppyGlobalsMode: true})`: every string name is taken to
    /// exist (reads of unknown names give `undefined`) and assignment to an undeclared name
    /// creates a property of the compartment's global.
    #[unsafe_ignore_trace]
    pub(crate) sloppy_globals: bool,
}

/// How many recently compiled sources a compartment keeps per global mode.
const RECENT: usize = 16;

/// The direct-eval helper of one compartment in one global mode, and the code compiled for the
/// most recent sources: evaluating the same text again runs the same code (a fresh activation of
/// the function or block, so declarations are still local to each run) instead of parsing again.
#[derive(Clone, Trace, Finalize)]
pub(crate) struct Evaluators {
    pub(crate) owner: Owner,
    pub(crate) direct_eval: JsObject,
    pub(crate) recent: Gc<GcRefCell<Vec<Compiled>>>,
}

/// A compiled source.
#[derive(Clone, Trace, Finalize)]
pub(crate) enum Code {
    /// A strict function whose body is the source (its final expression returned, unless the
    /// source was compiled for its effects only).
    Function(JsObject),
    /// A strict Script whose code is the source as a block (`crate::parse::block_script`).
    Block(Script),
}

#[derive(Trace, Finalize)]
pub(crate) struct Compiled {
    /// The source's name, which its code carries into stack frames.
    #[unsafe_ignore_trace]
    name: String,
    #[unsafe_ignore_trace]
    source: String,
    code: Code,
    /// Running the code gives the source's completion value (not so for a source compiled
    /// for its effects only).
    #[unsafe_ignore_trace]
    returns_value: bool,
}

impl Evaluators {
    /// The code compiled for `source`, if recent; code that drops the completion value is
    /// not for a caller that `needs_value`.
    pub(crate) fn recall(&self, name: &str, source: &str, needs_value: bool) -> Option<Code> {
        let mut recent = self.recent.borrow_mut();
        let index = recent.iter().position(|c| {
            c.source == source && c.name == name && (c.returns_value || !needs_value)
        })?;
        let compiled = recent.remove(index);
        let code = compiled.code.clone();
        recent.push(compiled);
        Some(code)
    }

    pub(crate) fn remember(&self, name: &str, source: String, code: Code, returns_value: bool) {
        let mut recent = self.recent.borrow_mut();
        if recent.len() == RECENT {
            recent.remove(0);
        }
        recent.push(Compiled {
            name: name.to_owned(),
            source,
            code,
            returns_value,
        });
    }
}
