//! REPL inputs (`Engine::evaluate_repl`): each input is evaluated as `evaluate` would, except
//! that what it declares at its top level (`let`, `const`, `class`, `function`, `var`) stays
//! visible to the compartment's later code, and that it may `await` at its top level.
//!
//! An input is checked as a whole strict Script with Boa's parser (or, when that fails and it
//! parses as a module without imports or exports, as code with top-level `await`), then compiled
//! as the body of a strict generator function owned by the compartment, the same analysed path
//! `evaluate` takes with `function*` for `function` ([`parse::repl_script`]):
//!
//! ```text
//! 'use strict';0,function*(){yield[()=>n,v=>{n=v},()=>inc,v=>{inc=v}];
//! let n = 0; const inc = () => ++n;
//! }
//! ```
//!
//! The first step of the generator runs only the prologue, which yields a getter and a setter
//! for each binding the body declares, closures over the binding itself; they become the
//! compartment's global lexicals (see `dispatch`), so later inputs read and assign the very
//! binding the input's own closures use (`inc(); n` is 1), with its temporal dead zone and
//! `const`-ness. The second step runs the body; its final expression was made its `return`
//! ([`super::source::returning`]), and with top-level `await` the generator is async and the
//! jobs run until it settles.
//!
//! Nothing of ours is in scope for the input: the generator binds only what `evaluate`'s
//! function does (its `this`, the compartment's global, and an empty `arguments`); the
//! accessors reach the compartment only through the dispatch, as the bindings they stand for.
//! A later input that declares the same name makes a new binding (as node's REPL allows);
//! closures made earlier keep the binding they closed over.
//!
//! An input that declares nothing and does not await runs exactly as `evaluate` runs it. One
//! that declares something and whose completion value depends on control flow
//! (`let y = 1; if (y) 2`) completes with `undefined`.

use boa_ast::{
    StatementListItem,
    operations::{self, ContainsSymbol},
};
use boa_engine::{
    Context, JsNativeError, JsResult, JsString, JsValue,
    object::builtins::{JsArray, JsAsyncGenerator, JsGenerator, JsPromise},
    property::PropertyDescriptor,
};
use boa_gc::Gc;
use boa_interner::Interner;

use super::{Completion, RETURN_LENGTH, Request, compile, source::returning};
use crate::{
    location::{self, Shift},
    parse::{self, DirectEval, Room, SourceText, Text},
    record::CompartmentRecord,
};

/// How to run one input.
#[derive(Debug, PartialEq, Eq)]
enum Plan {
    /// It declares nothing and its completion value depends on control flow: as `evaluate`.
    Evaluate,
    /// As the body of the generator.
    Generator {
        body: String,
        /// The names it declares at its top level, each once.
        names: Vec<String>,
        /// It awaits at its top level.
        is_async: bool,
        /// Where `return ` went in (see [`super::source::returning`]).
        returns_at: Option<(u32, u32)>,
    },
}

/// Evaluates `source`, one REPL input, in the compartment: see the module documentation.
pub(crate) fn evaluate(
    context: &mut Context,
    record: &Gc<CompartmentRecord>,
    source: JsString,
    name: &str,
) -> JsResult<JsValue> {
    record.check_engine(context)?;
    crate::limits::Watch::get(context).check()?;
    let mut source = source;
    for transform in &record.transforms {
        let output = transform.call(&JsValue::undefined(), &[source.into()], context)?;
        source = output.as_string().ok_or_else(|| {
            JsNativeError::typ().with_message("a source transform must return a string")
        })?;
    }
    let text = SourceText::new(&source);
    let direct_eval = record.direct_eval();
    let plan = parse::guarded(Text::Utf8(text.as_str()), |room| {
        plan(room, direct_eval, context.interner_mut()).map_err(Into::into)
    })?;
    let Plan::Generator {
        body,
        names,
        is_async,
        returns_at,
    } = plan
    else {
        let request = Request::named(name, record, Completion::Value);
        return super::run(context, record, &source, &request);
    };
    refuse_host_lexicals(record, &names)?;
    let wrapper = parse::repl_script(&prologue(&names), &body, is_async);
    let compiled = SourceText::restore(wrapper, std::slice::from_ref(&text))?;
    let shift = Shift {
        inserted: returns_at.map(|(line, column)| (line, column, RETURN_LENGTH)),
        ..Shift::WRAPPED
    };
    let path = location::path(context, name, shift);
    let evaluators = CompartmentRecord::evaluators(record, false, context)?;
    let function = parse::guarded(compiled.text(), |room| {
        compile(room, &path, context, &evaluators.owner)
    })?;
    let generator = function
        .call(&record.global.clone().into(), &[], context)?
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("internal: no REPL generator"))?;
    if is_async {
        let generator = JsAsyncGenerator::from_object(generator)?;
        let accessors = settle(&generator.next(JsValue::undefined(), context)?, context)?;
        declare(record, &names, &accessors, context)?;
        settle(&generator.next(JsValue::undefined(), context)?, context)
    } else {
        let generator = JsGenerator::from_object(generator)?;
        let accessors = generator.next(JsValue::undefined(), context)?;
        declare(record, &names, &iterated(&accessors, context)?, context)?;
        let completion = generator.next(JsValue::undefined(), context)?;
        iterated(&completion, context)
    }
}

/// Checks the room's text and plans its evaluation.
fn plan(
    room: &Room<'_>,
    direct_eval: DirectEval,
    interner: &mut Interner,
) -> Result<Plan, JsNativeError> {
    let body = parse::hashbang_as_comment(room.utf8()?);
    let script = parse::script_ast(room, direct_eval, interner);
    // An input that parses as a module without imports or exports and awaits at its top level
    // is one with top-level await, even when it is also a Script (`await (f)()` calls a
    // function named `await` there), as in node's REPL. Otherwise it is a Script, and the
    // Script's error is the one to report.
    let mut module_error = None;
    let awaiting = if script.is_err() || body.contains("await") {
        parse::await_ast(room, direct_eval, interner)
            .map_err(|error| module_error = Some(error))
            .ok()
            .and_then(|module| {
                module
                    .items()
                    .items()
                    .iter()
                    .map(|item| match item {
                        boa_ast::ModuleItem::StatementListItem(item) => Some(item.clone()),
                        _ => None,
                    })
                    .collect::<Option<Vec<_>>>()
            })
            // A Script that is also such a module awaits only if an await expression is at
            // its top level (`for await` is never in a Script).
            .filter(|items| {
                script.is_err()
                    || items
                        .iter()
                        .any(|item| operations::contains(item, ContainsSymbol::AwaitExpression))
            })
    } else {
        None
    };
    // An input that awaits and stops in the middle (`await f(`) is unfinished, whatever the
    // Script's parse made of it: the REPL waits for its next line.
    let unfinished = |error: &JsNativeError| error.message().contains("abrupt end");
    if let (Err(error), Some(module_error)) = (&script, module_error)
        && unfinished(&module_error)
        && !unfinished(error)
    {
        return Err(module_error);
    }
    let (items, is_async) = match (awaiting, script) {
        (Some(items), _) => (items, true),
        (None, Ok(script)) => (script.statements().statements().to_vec(), false),
        (None, Err(error)) => return Err(error),
    };
    let names = declared(&items, interner);
    if names.is_empty() && !is_async {
        return Ok(Plan::Evaluate);
    }
    let (body, returns_at) = match returning(body.clone(), &items) {
        Some((body, returns_at)) => (body, returns_at),
        None => (body, None),
    };
    Ok(Plan::Generator {
        body,
        names,
        is_async,
        returns_at,
    })
}

/// The names `items` bind in the scope of the function they are the body of, each once, in
/// order: their lexical and function declarations, and every `var` outside nested functions.
fn declared(items: &[StatementListItem], interner: &Interner) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for item in items {
        let symbols = match item {
            StatementListItem::Declaration(declaration) => {
                operations::bound_names(declaration.as_ref())
            }
            StatementListItem::Statement(statement) => {
                let mut symbols: Vec<_> = operations::var_declared_names(statement.as_ref())
                    .into_iter()
                    .collect();
                // A set: sorted by the text below for a stable order.
                symbols.sort_by_cached_key(|symbol| interner.resolve_expect(*symbol).to_string());
                symbols
            }
        };
        for symbol in symbols {
            let name = interner.resolve_expect(symbol).to_string();
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// The statement that yields a getter and a setter for each name, in order:
/// `yield[()=>a,v=>{a=v}];`. Each name is an identifier Boa's parser read as a binding in the
/// input, written as Boa resolves it (escapes decoded), so it names the same binding.
fn prologue(names: &[String]) -> String {
    let mut out = String::from("yield[");
    for name in names {
        // The setter's parameter must not be the binding it assigns.
        let parameter = if name == "v" { "w" } else { "v" };
        out.push_str(&format!("()=>{name},{parameter}=>{{{name}={parameter}}},"));
    }
    out.push_str("];");
    out
}

/// An input may declare again what an earlier input declared (the REPL's own lexicals are
/// accessors), never a global lexical the host gave the compartment (a data binding): code the
/// host later runs there must keep seeing the host's value. Checked before the input runs.
fn refuse_host_lexicals(record: &CompartmentRecord, names: &[String]) -> JsResult<()> {
    for name in names {
        let existing = record
            .lexicals
            .borrow()
            .properties()
            .get(&JsString::from(name.as_str()).into());
        if existing.is_some_and(|binding| binding.is_data_descriptor()) {
            return Err(JsNativeError::syntax()
                .with_message(format!("Identifier '{name}' has already been declared"))
                .into());
        }
    }
    Ok(())
}

/// Makes each accessor pair the prologue yielded the compartment's global lexical of its name.
fn declare(
    record: &CompartmentRecord,
    names: &[String],
    accessors: &JsValue,
    context: &mut Context,
) -> JsResult<()> {
    if names.is_empty() {
        return Ok(());
    }
    let accessors = accessors
        .as_object()
        .and_then(|object| JsArray::from_object(object).ok())
        .ok_or_else(|| JsNativeError::typ().with_message("internal: no REPL accessors"))?;
    for (index, name) in names.iter().enumerate() {
        let index = index as u64 * 2;
        let getter = accessors.at(index as i64, context)?;
        let setter = accessors.at(index as i64 + 1, context)?;
        record.lexicals.insert_property(
            JsString::from(name.as_str()),
            PropertyDescriptor::builder()
                .get(getter)
                .set(setter)
                .enumerable(true)
                .configurable(false),
        );
    }
    record.has_lexicals.set(true);
    Ok(())
}

/// The value of a generator's iterator result (an ordinary object the generator made).
fn iterated(result: &JsValue, context: &mut Context) -> JsResult<JsValue> {
    match result.as_object() {
        Some(result) => result.get(boa_engine::js_string!("value"), context),
        None => Err(JsNativeError::typ()
            .with_message("internal: not an iterator result")
            .into()),
    }
}

/// Runs the jobs until the async generator's step settles, and gives its value.
fn settle(step: &JsPromise, context: &mut Context) -> JsResult<JsValue> {
    context.run_jobs()?;
    // A limit met in a job may have been dropped by Boa on the way: it is still in force.
    crate::limits::Watch::get(context).check()?;
    match crate::commons::settled(step, context) {
        Some(Ok(result)) => iterated(&result, context),
        Some(Err(error)) => Err(error),
        None => Err(JsNativeError::typ()
            .with_message("top-level await never settled: no job is left that could settle it")
            .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_of(source: &str) -> Result<Plan, JsNativeError> {
        let result = parse::guarded(Text::Utf8(source), |room| {
            plan(room, DirectEval::Reject, &mut Interner::default()).map_err(Into::into)
        });
        result.map_err(|error| {
            error
                .as_native()
                .cloned()
                .unwrap_or_else(JsNativeError::typ)
        })
    }

    fn names(source: &str) -> Vec<String> {
        match plan_of(source).expect("valid input") {
            Plan::Generator { names, .. } => names,
            Plan::Evaluate => Vec::new(),
        }
    }

    #[test]
    fn top_level_bindings_are_found_once_and_nested_ones_not() {
        assert_eq!(
            names("let a = 1, { b, c: [d] } = x; const e = 2; class F {} function g() { var h }"),
            ["a", "b", "d", "e", "F", "g"]
        );
        assert_eq!(
            names("var a; if (x) { var b; let c } for (var i = 0; ; ) {} var a;"),
            ["a", "b", "i"]
        );
        assert_eq!(names("async function* f() {} 1"), ["f"]);
        assert_eq!(names("1 + 1"), Vec::<String>::new());
        assert_eq!(plan_of("1 + 1"), Ok(Plan::Evaluate));
    }

    #[test]
    fn inputs_are_planned() {
        let Ok(Plan::Generator {
            body,
            is_async: false,
            ..
        }) = plan_of("let x = 5; x")
        else {
            panic!("not a generator body");
        };
        assert_eq!(body, "let x = 5; return x");
        assert_eq!(plan_of("if (x) 1; else 2"), Ok(Plan::Evaluate));
        assert!(matches!(
            plan_of("let y; if (x) 1; else 2"),
            Ok(Plan::Generator {
                returns_at: None,
                ..
            })
        ));
        let Ok(Plan::Generator { body, is_async, .. }) = plan_of("const v = await f(); v") else {
            panic!("not a generator body");
        };
        assert!(is_async);
        assert_eq!(body, "const v = await f(); return v");
    }

    #[test]
    fn inputs_that_are_not_scripts_report_the_script_error() {
        for source in [
            "let = ;",
            "import x from 'y'; await 1",
            "export const a = 1; await 1",
            "function f() {",
            "return 1",
            "await 1; a <!-- b",
            "await 1; x\n--> y",
        ] {
            assert!(plan_of(source).is_err(), "{source}");
        }
        // The Script's error is the one reported ("abrupt end")...
        let error = plan_of("function f() {").unwrap_err();
        assert!(error.message().contains("abrupt end"), "{error}");
        // ...unless only an input that awaits could go on.
        let error = plan_of("const r = await f(").unwrap_err();
        assert!(error.message().contains("abrupt end"), "{error}");
        let error = plan_of("x y").unwrap_err();
        assert!(!error.message().contains("abrupt end"), "{error}");
    }

    #[test]
    fn a_setter_parameter_never_shadows_its_binding() {
        assert_eq!(prologue(&["v".into()]), "yield[()=>v,w=>{v=w},];");
        assert_eq!(prologue(&["a".into()]), "yield[()=>a,v=>{a=v},];");
        assert_eq!(prologue(&[]), "yield[];");
    }
}
