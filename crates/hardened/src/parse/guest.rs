//! What compartment code may not contain, checked on Boa's own AST.

use std::ops::ControlFlow;

use boa_ast::{
    Expression, Position, Spanned,
    declaration::{Binding, LexicalDeclaration},
    expression::Call,
    visitor::{VisitWith, Visitor},
};
use boa_engine::JsNativeError;
use boa_interner::Sym;

/// Whether code may contain direct-eval syntax (`eval(x)`).
///
/// Accepting it is safe: Boa performs a direct eval only when the callee is the realm's own
/// `%eval%`, which no compartment's `eval` is, so `eval(x)` is then an ordinary call of the
/// compartment's evaluator (SES's `safe-eval`). The start compartment accepts it; other
/// compartments reject it unless `evaluate` is given `__rejectSomeDirectEvalExpressions__:
/// false`, as in SES.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DirectEval {
    Reject,
    Accept,
}

/// What the guest-code check found that depends on where the code runs.
#[derive(Clone, Debug, Default)]
pub(crate) struct GuestCode {
    /// The first direct-eval call, if any.
    direct_eval: Option<Position>,
}

impl GuestCode {
    /// Applies the direct-eval rule for where the code will run.
    pub(crate) fn allow(&self, direct_eval: DirectEval) -> Result<(), JsNativeError> {
        match (self.direct_eval, direct_eval) {
            (Some(at), DirectEval::Reject) => Err(JsNativeError::syntax().with_message(format!(
                "direct eval is not supported in compartment code ({}); \
                 call eval indirectly, e.g. (0, eval)(source)",
                place(at)
            ))),
            _ => Ok(()),
        }
    }
}

/// Checks guest code on Boa's AST and reports what depends on where it runs ([`GuestCode`]).
/// Always rejects `using` and `await using` declarations: Boa 0.22 parses them but its
/// compiler panics on them (explicit resource management is not implemented), and no guest
/// input may crash the host.
pub(crate) fn check_guest_code<N>(node: &N) -> Result<GuestCode, JsNativeError>
where
    N: VisitWith,
{
    struct Finder(GuestCode);
    impl<'ast> Visitor<'ast> for Finder {
        type BreakTy = String;
        fn visit_call(&mut self, call: &'ast Call) -> ControlFlow<Self::BreakTy> {
            if self.0.direct_eval.is_none() && is_eval_reference(call.function()) {
                self.0.direct_eval = Some(call.span().start());
            }
            call.visit_with(self)
        }
        fn visit_lexical_declaration(
            &mut self,
            declaration: &'ast LexicalDeclaration,
        ) -> ControlFlow<Self::BreakTy> {
            if let LexicalDeclaration::Using(list) | LexicalDeclaration::AwaitUsing(list) =
                declaration
            {
                let at = list
                    .as_ref()
                    .iter()
                    .find_map(|variable| match variable.binding() {
                        Binding::Identifier(name) => Some(name.span().start()),
                        Binding::Pattern(_) => None,
                    });
                return ControlFlow::Break(format!(
                    "`using` declarations (explicit resource management) are not supported{}",
                    at.map(|at| format!(" ({})", place(at))).unwrap_or_default()
                ));
            }
            declaration.visit_with(self)
        }
    }
    let mut finder = Finder(GuestCode::default());
    match node.visit_with(&mut finder) {
        ControlFlow::Continue(()) => Ok(finder.0),
        ControlFlow::Break(message) => Err(JsNativeError::syntax().with_message(message)),
    }
}

fn place(at: Position) -> String {
    format!("line {}, column {}", at.line_number(), at.column_number())
}

fn is_eval_reference(expression: &Expression) -> bool {
    match expression {
        Expression::Identifier(identifier) => identifier.sym() == Sym::EVAL,
        Expression::Parenthesized(inner) => is_eval_reference(inner.expression()),
        _ => false,
    }
}
