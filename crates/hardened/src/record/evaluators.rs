//! A compartment's evaluators as data: the owner its code gets, its direct-eval helper and the
//! functions compiled for its most recent sources (see `crate::evaluator`).

use boa_engine::JsObject;
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

/// The direct-eval helper of one compartment in one global mode, and the functions compiled for
/// the most recent sources: evaluating the same text again calls the same function (a fresh
/// activation, so declarations are still local to each call) instead of parsing twice more.
#[derive(Clone, Trace, Finalize)]
pub(crate) struct Evaluators {
    pub(crate) owner: Owner,
    pub(crate) direct_eval: JsObject,
    pub(crate) recent: Gc<GcRefCell<Vec<Compiled>>>,
}

#[derive(Trace, Finalize)]
pub(crate) struct Compiled {
    #[unsafe_ignore_trace]
    source: String,
    function: JsObject,
}

impl Evaluators {
    pub(crate) fn recall(&self, source: &str) -> Option<JsObject> {
        let mut recent = self.recent.borrow_mut();
        let index = recent.iter().position(|c| c.source == source)?;
        let compiled = recent.remove(index);
        let function = compiled.function.clone();
        recent.push(compiled);
        Some(function)
    }

    pub(crate) fn remember(&self, source: String, function: JsObject) {
        let mut recent = self.recent.borrow_mut();
        if recent.len() == RECENT {
            recent.remove(0);
        }
        recent.push(Compiled { source, function });
    }
}
