//! Static analysis of guest source: validation, the completion-value plan, and the rules that
//! keep compartment code strict and free of direct eval.
//!
//! Every source a compartment evaluates is parsed here first with Boa's own parser (the one that
//! will compile it), so there is no parser-differential to exploit and no regex censorship.

use std::ops::ControlFlow;

use boa_ast::{
    Expression, Position, Spanned, Statement, StatementListItem,
    expression::TaggedTemplate,
    visitor::{VisitWith, Visitor},
};
use boa_engine::JsNativeError;
use boa_interner::Interner;

use crate::parse::{self, DirectEval, Room, Text};

/// How to run a script source with SES evaluate semantics.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Plan {
    /// Compile this function body (strict) and call it with `this` = the compartment's global:
    /// the final expression statement became a `return`. `cacheable` unless the source has a
    /// tagged template (whose template objects must be new for each evaluation).
    /// `returns_at`: the source line and column where `return ` went in.
    Body {
        body: String,
        cacheable: bool,
        returns_at: Option<(u32, u32)>,
    },
    /// The completion value depends on control flow (`if (x) 1; else 2`, a trailing loop):
    /// run the source as strict direct-eval code inside an evaluator function, which gives
    /// exactly the spec's completion value at the price of slower closures.
    DirectEval,
}

/// Validates the room's text as a strict Script and decides how to evaluate it.
pub(crate) fn plan_script(
    room: &Room<'_>,
    direct_eval: DirectEval,
    interner: &mut Interner,
) -> Result<Plan, JsNativeError> {
    let source = room.utf8()?;
    let script = parse::script_ast(room, direct_eval, interner)?;
    let cacheable = !has_tagged_template(&script);
    let body_plan = |body: String, returns_at| Plan::Body {
        body,
        cacheable,
        returns_at,
    };

    let body = parse::hashbang_as_comment(source);
    Ok(match returning(body, script.statements().statements()) {
        Some((body, returns_at)) => body_plan(body, returns_at),
        None => Plan::DirectEval,
    })
}

/// `body` (a Script's or module's text, hashbang made a comment) as a function body that
/// returns its completion value, given its top-level `items`: `return ` put before a final
/// expression statement (with the source line and column where it went in), or the body as
/// it is when every item completes empty. `None` when the completion value depends on control
/// flow.
pub(crate) fn returning(
    body: String,
    items: &[StatementListItem],
) -> Option<(String, Option<(u32, u32)>)> {
    match items.last() {
        Some(StatementListItem::Statement(last)) => match last.as_ref() {
            Statement::Expression(expression) => {
                // `return` goes right before the expression's first token, on its line, so the
                // same tokens parse as the same expression: no parentheses, no end position.
                match offset(&body, start_of(expression)) {
                    Some(start) if !continues_token(&body[..start]) => Some((
                        format!("{}return {}", &body[..start], &body[start..]),
                        Some(crate::location::position_of(&body, start)),
                    )),
                    _ => None,
                }
            }
            _ if items.iter().all(completes_empty) => Some((body, None)),
            _ => None,
        },
        _ if items.iter().all(completes_empty) => Some((body, None)),
        _ => None,
    }
}

/// Where an expression's first token starts. Boa 0.22 gives calls and tagged templates the span
/// of their arguments or template only, so descend into the leftmost operand.
fn start_of(expression: &Expression) -> Position {
    use boa_ast::expression::{access::PropertyAccess, operator::assign::AssignTarget};
    let leftmost = match expression {
        Expression::Call(call) => Some(call.function()),
        Expression::TaggedTemplate(tagged) => Some(tagged.tag()),
        Expression::Optional(optional) => Some(optional.target()),
        Expression::Binary(binary) => Some(binary.lhs()),
        Expression::Conditional(conditional) => Some(conditional.condition()),
        Expression::PropertyAccess(PropertyAccess::Simple(access)) => Some(access.target()),
        Expression::PropertyAccess(PropertyAccess::Private(access)) => Some(access.target()),
        Expression::Assign(assign) => match assign.lhs() {
            AssignTarget::Access(PropertyAccess::Simple(access)) => Some(access.target()),
            AssignTarget::Access(PropertyAccess::Private(access)) => Some(access.target()),
            _ => None,
        },
        _ => None,
    };
    let own = expression.span().start();
    match leftmost.map(start_of) {
        Some(inner) if inner < own => inner,
        _ => own,
    }
}

/// Whether inserting `return ` after `prefix` would merge with the previous token.
fn continues_token(prefix: &str) -> bool {
    prefix
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '$' | '\\' | '.'))
}

fn has_tagged_template(script: &boa_ast::Script) -> bool {
    struct Finder;
    impl<'ast> Visitor<'ast> for Finder {
        type BreakTy = ();
        fn visit_tagged_template(&mut self, _: &'ast TaggedTemplate) -> ControlFlow<()> {
            ControlFlow::Break(())
        }
    }
    script.visit_with(&mut Finder).is_break()
}

/// Statements whose completion is empty, so a list of only these completes with `undefined`.
fn completes_empty(item: &StatementListItem) -> bool {
    match item {
        StatementListItem::Declaration(_) => true,
        StatementListItem::Statement(statement) => {
            matches!(statement.as_ref(), Statement::Var(_) | Statement::Empty)
        }
    }
}

/// Validates the parts of `new Function(...params, body)` separately (so `'}, evil, {'`-style
/// injections fail) and returns the function body that evaluates to the function, whose source
/// text is the spec's `function anonymous(params\n) {\nbody\n}`.
pub(crate) fn function_source(
    params: &str,
    body: &str,
    direct_eval: DirectEval,
    interner: &mut Interner,
) -> boa_engine::JsResult<String> {
    // Boa 0.22's `parse_formal_parameters` rejects destructuring patterns ("abrupt end"), so the
    // parameters are checked as the whole parameter list of an otherwise empty function.
    let wrapped = format!("(function ({params}\n) {{}})");
    let parsed_params = match single_function(&wrapped, direct_eval, interner)? {
        Some((count, 0)) => count,
        _ => {
            return Err(JsNativeError::syntax()
                .with_message("invalid function parameters")
                .into());
        }
    };
    let body_text = format!("\n{body}\n");
    // Counts only leave the guarded segment: a deep AST must be dropped where it was parsed.
    let body_statements = guarded(&body_text, |room| {
        parse::function_body_ast(room, interner).map(|body| body.statements().len())
    })?;

    let text = format!("(function anonymous({params}\n) {{\n{body}\n}})");
    // The whole text must be that one function, with exactly the parameters and statements
    // parsed on their own: nothing in `params` may close the parameter list early.
    match single_function(&text, direct_eval, interner)? {
        Some((count, statements)) if count == parsed_params && statements == body_statements => {
            Ok(format!("return {text};"))
        }
        _ => Err(JsNativeError::syntax()
            .with_message("invalid function parameters or body")
            .into()),
    }
}

/// Runs an analysis parse of `text` through the parser entry.
fn guarded<R>(
    text: &str,
    f: impl FnOnce(&Room<'_>) -> Result<R, JsNativeError>,
) -> boa_engine::JsResult<R> {
    // An uncatchable error (a stack segment that cannot be mapped is `Limit::Memory`) passes
    // through as it is: never turned into a SyntaxError the guest could catch.
    parse::guarded(Text::Utf8(text), |room| f(room).map_err(Into::into))
}

/// Parses `text` as a strict Script and, when it is exactly one (parenthesized) function
/// expression, returns its parameter and statement counts. Rejects what compartment code may not
/// contain.
fn single_function(
    text: &str,
    direct_eval: DirectEval,
    interner: &mut Interner,
) -> boa_engine::JsResult<Option<(usize, usize)>> {
    // The AST is read and dropped inside the guarded segment; only counts leave it.
    guarded(text, |room| {
        let script = parse::script_ast(room, direct_eval, interner)?;
        let whole = match script.statements().statements() {
            [StatementListItem::Statement(statement)] => match statement.as_ref() {
                Statement::Expression(expression) => unparenthesize(expression),
                _ => None,
            },
            _ => None,
        };
        Ok(match whole {
            Some(Expression::FunctionExpression(function)) => Some((
                function.parameters().as_ref().len(),
                function.body().statements().len(),
            )),
            _ => None,
        })
    })
}

fn unparenthesize(expression: &Expression) -> Option<&Expression> {
    match expression {
        Expression::Parenthesized(inner) => unparenthesize(inner.expression()),
        other => Some(other),
    }
}

/// The byte offset of a parser position (lines and columns count code points, as Boa's lexer
/// does; `\r\n` is one line break).
fn offset(source: &str, position: Position) -> Option<usize> {
    let (want_line, want_column) = (position.line_number(), position.column_number());
    let (mut line, mut column) = (1, 1);
    let mut chars = source.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        if (line, column) == (want_line, want_column) {
            return Some(index);
        }
        match c {
            '\r' => {
                if chars.peek().is_some_and(|&(_, next)| next == '\n') {
                    chars.next();
                }
                (line, column) = (line + 1, 1);
            }
            '\n' | '\u{2028}' | '\u{2029}' => (line, column) = (line + 1, 1),
            _ => column += 1,
        }
    }
    ((line, column) == (want_line, want_column)).then_some(source.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn try_plan(source: &str) -> boa_engine::JsResult<Plan> {
        guarded(source, |room| {
            plan_script(room, DirectEval::Reject, &mut Interner::default())
        })
    }

    /// The plan, without where `return` went (`returns_at_is_the_source_position`).
    fn plan(source: &str) -> Plan {
        match try_plan(source).expect("valid source") {
            Plan::Body {
                body, cacheable, ..
            } => Plan::Body {
                body,
                cacheable,
                returns_at: None,
            },
            other => other,
        }
    }

    #[test]
    fn returns_at_is_the_source_position() {
        let at = |source: &str| match try_plan(source).expect("valid source") {
            Plan::Body { returns_at, .. } => returns_at,
            Plan::DirectEval => None,
        };
        assert_eq!(at("1;2;3"), Some((1, 5)));
        assert_eq!(at("let a = 1;\n a\n + (2)"), Some((2, 2)));
        assert_eq!(at("var a = 1;"), None);
    }

    #[test]
    fn final_expression_becomes_a_return() {
        let body = |text: &str| Plan::Body {
            body: text.to_owned(),
            cacheable: true,
            returns_at: None,
        };
        assert_eq!(plan("1;2;3"), body("1;2;return 3"));
        assert_eq!(
            plan("let a = 1;\n a\n + (2)  // done"),
            body("let a = 1;\n return a\n + (2)  // done")
        );
        assert_eq!(plan("(1, 2)"), body("return (1, 2)"));
        assert_eq!(plan("x = 'é'; 'ü'"), body("x = 'é'; return 'ü'"));
        assert_eq!(plan("a\r\nb"), body("a\r\nreturn b"));
        assert_eq!(
            plan("#!/usr/bin/env x\n1"),
            body("///usr/bin/env x\nreturn 1")
        );
        for leftmost in [
            "f(1)",
            "a.b()",
            "(a)()",
            "a`t`",
            "a.b(1).c`t`(2)",
            "a?.b()",
            "f() + 1",
            "f() ? 1 : 2",
            "f().x = 1",
            "f()[0]",
            "a[0]",
        ] {
            let expected = Plan::Body {
                body: format!("0;return {leftmost}"),
                cacheable: !leftmost.contains('`'),
                returns_at: None,
            };
            assert_eq!(plan(&format!("0;{leftmost}")), expected, "{leftmost}");
        }
    }

    #[test]
    fn declarations_only_complete_with_undefined() {
        let body = |text: &str| Plan::Body {
            body: text.to_owned(),
            cacheable: true,
            returns_at: None,
        };
        assert_eq!(
            plan("var a = 1; function f() {}"),
            body("var a = 1; function f() {}")
        );
        assert_eq!(plan(""), body(""));
        assert_eq!(
            plan("tag`x`"),
            Plan::Body {
                body: "return tag`x`".to_owned(),
                cacheable: false,
                returns_at: None,
            }
        );
    }

    #[test]
    fn control_flow_completions_use_direct_eval() {
        assert_eq!(plan("if (x) 1; else 2"), Plan::DirectEval);
        assert_eq!(plan("1; var x = 2"), Plan::DirectEval);
        assert_eq!(plan("for (;;) break;"), Plan::DirectEval);
    }

    #[test]
    fn strict_mode_and_script_goal_are_enforced() {
        for bad in [
            "with (a) {}",
            "return 1",
            "new.target",
            "010",
            "delete x",
            "eval('1')",
            "(eval)('1')",
        ] {
            assert!(try_plan(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn function_parts_are_validated_separately() {
        let mut interner = Interner::default();
        assert!(function_source("a, b", "return a + b", DirectEval::Reject, &mut interner).is_ok());
        assert!(function_source("a = 1", "return a", DirectEval::Reject, &mut interner).is_ok());
        assert!(
            function_source(
                "{ x }, [y] = [], ...rest",
                "return x",
                DirectEval::Reject,
                &mut interner
            )
            .is_ok()
        );
        for (params, body) in [
            ("", "}, this.x = 1, {"),
            ("/*", "*/){"),
            ("a) { return 1 }; (function(", "x"),
            ("a) {}, function(b", "x"),
            ("", "eval('1')"),
            ("a = 1) {}); (function (b", "x"),
            ("a = eval('1')", "x"),
        ] {
            assert!(
                function_source(params, body, DirectEval::Reject, &mut interner).is_err(),
                "{params} / {body}"
            );
        }
    }
}
