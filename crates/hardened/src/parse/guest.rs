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

/// Rejects, with a SyntaxError naming the position, what compartment code may not contain:
/// - direct eval (see docs/architecture.md: Boa only performs a direct eval through the realm's
///   own `%eval%`, which must never be reachable by guests);
/// - `using` and `await using` declarations: Boa 0.22 parses them but its compiler panics on
///   them (explicit resource management is not implemented), and no guest input may crash the
///   host.
pub(crate) fn check_guest_code<N>(node: &N) -> Result<(), JsNativeError>
where
    N: VisitWith,
{
    struct Finder;
    impl<'ast> Visitor<'ast> for Finder {
        type BreakTy = String;
        fn visit_call(&mut self, call: &'ast Call) -> ControlFlow<Self::BreakTy> {
            if is_eval_reference(call.function()) {
                return ControlFlow::Break(format!(
                    "direct eval is not supported in compartment code ({}); \
                     call eval indirectly, e.g. (0, eval)(source)",
                    place(call.span().start())
                ));
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
    fn place(at: Position) -> String {
        format!("line {}, column {}", at.line_number(), at.column_number())
    }
    match node.visit_with(&mut Finder) {
        ControlFlow::Continue(()) => Ok(()),
        ControlFlow::Break(message) => Err(JsNativeError::syntax().with_message(message)),
    }
}

fn is_eval_reference(expression: &Expression) -> bool {
    match expression {
        Expression::Identifier(identifier) => identifier.sym() == Sym::EVAL,
        Expression::Parenthesized(inner) => is_eval_reference(inner.expression()),
        _ => false,
    }
}
