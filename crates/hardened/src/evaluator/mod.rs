//! A compartment's evaluator: `Compartment.prototype.evaluate`, and the compartment's own `eval`
//! and `Function`.
//!
//! Guest code is never compiled as top-level Script code (its declarations would land in the
//! shared realm) nor through Boa's `eval`, `Function` or `with` (closures made there run ~3x
//! slower, and the realm's `%Function%` makes code that belongs to no compartment). Each new
//! source is compiled through the one parser entry ([`crate::parse`]) as a Script holding a
//! single strict function expression, `'use strict';0,function(){ body }`. The Script's code is
//! registered as owned by the compartment before any of it runs, so the function and every
//! closure it makes carry the compartment as their `[[ScriptOrModule]]`, and functions keep
//! their source text. The function is called with `this` = the compartment's `globalThis`:
//! top-level declarations stay local to the call, code is strict, and the final expression
//! statement was rewritten into the return value (see [`source`]).
//!
//! Sources whose completion value depends on control flow run as a strict direct eval inside
//! a helper function, `function () { return eval(eval); }`, compiled and owned the same way. The
//! helper's scope binds nothing of ours: both reads of `eval` go to the dispatch, which the
//! evaluator arms for one call to answer first with the realm's `%eval%` and then with the
//! source text; the realm refuses every other compilation from strings (see
//! [`crate::dispatch::CompileGate`]).

pub(crate) mod repl;
mod source;

use boa_engine::{
    Context, JsArgs, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction, Script,
    js_string, object::FunctionObjectBuilder,
};
use boa_gc::{Gc, GcRefCell};

use std::path::Path;

use crate::{
    commons::set_fixed_prototype,
    dispatch::Dispatch,
    location::{self, Shift},
    ownership::Owners,
    parse::{self, DirectEval, Room, SourceText, Text},
    record::{Code, CompartmentRecord, Evaluators, Owner},
};
use source::Plan;

/// The direct-eval helper. Both `eval`s are answered by the armed dispatch.
const DIRECT_EVAL: &str = "'use strict';0,function () { return eval(eval); }";

impl Evaluators {
    pub(crate) fn new(
        record: &Gc<CompartmentRecord>,
        sloppy_globals: bool,
        context: &mut Context,
    ) -> JsResult<Self> {
        let owner = Owner {
            compartment: record.clone(),
            sloppy_globals,
        };
        let path = location::internal_path(context);
        let direct_eval = parse::guarded(Text::Utf8(DIRECT_EVAL), |room| {
            compile(room, &path, context, &owner)
        })?;
        Ok(Self {
            owner,
            direct_eval,
            recent: Gc::new(GcRefCell::new(Vec::new())),
        })
    }
}

/// Compiles the room's text as a Script owned by `owner`, its positions named by `path`.
fn compile_owned(
    room: &Room<'_>,
    path: &Path,
    context: &mut Context,
    owner: &Owner,
) -> JsResult<Script> {
    parse::compile_script(room, path, context, |code, context| {
        Owners::register_script(context, code, owner.clone());
    })
}

/// Compiles the room's text, a [`parse::function_script`], as a Script owned by `owner`, and
/// returns the function it evaluates to.
fn compile(
    room: &Room<'_>,
    path: &Path,
    context: &mut Context,
    owner: &Owner,
) -> JsResult<JsObject> {
    let function = compile_owned(room, path, context, owner)?.evaluate(context)?;
    function.as_object().ok_or_else(|| {
        JsNativeError::typ()
            .with_message("internal evaluator is not an object")
            .into()
    })
}

/// How to evaluate a source, besides the compartment and the text.
pub(crate) struct Request<'a> {
    /// The source's name in stack frames ([`crate::Location::source`]).
    pub(crate) name: &'a str,
    /// Transforms to run before the compartment's own.
    pub(crate) transforms: &'a [JsObject],
    /// SES `sloppyGlobalsMode`.
    pub(crate) sloppy_globals: bool,
    pub(crate) direct_eval: DirectEval,
    pub(crate) completion: Completion,
}

impl<'a> Request<'a> {
    /// A plain evaluation of source `name` under the compartment's own direct-eval rule.
    pub(crate) fn named(name: &'a str, record: &CompartmentRecord, completion: Completion) -> Self {
        Self {
            name,
            transforms: &[],
            sloppy_globals: false,
            direct_eval: record.direct_eval(),
            completion,
        }
    }
}

/// What the caller of an evaluation wants back.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Completion {
    /// The source's completion value (SES `evaluate`, the compartment's `eval`).
    Value,
    /// Its effects only (`Engine::run_script`): `undefined` comes back, so a source that the
    /// scan finds means the same as a function body compiles with one parse even when it
    /// declares `var`s at its top level or ends in control flow.
    Effects,
}

/// Evaluates `source` in the compartment with SES `evaluate` semantics and returns its
/// completion value (or `undefined`, for [`Completion::Effects`]).
pub(crate) fn evaluate(
    context: &mut Context,
    record: &Gc<CompartmentRecord>,
    source: JsString,
    request: &Request<'_>,
) -> JsResult<JsValue> {
    // Before any transform runs: a compartment's `eval` or `evaluate` handed to another engine
    // (as a raw endowment) must not run this compartment's code there.
    record.check_engine(context)?;
    crate::limits::Watch::get(context).check()?;
    let mut source = source;
    for transform in request.transforms.iter().chain(&record.transforms) {
        let output = transform.call(&JsValue::undefined(), &[source.into()], context)?;
        source = output.as_string().ok_or_else(|| {
            JsNativeError::typ().with_message("a source transform must return a string")
        })?;
    }
    let value = run(context, record, &source, request)?;
    Ok(match request.completion {
        Completion::Value => value,
        Completion::Effects => JsValue::undefined(),
    })
}

/// Validates, compiles and runs a (transformed) script source.
fn run(
    context: &mut Context,
    record: &Gc<CompartmentRecord>,
    source: &JsString,
    request: &Request<'_>,
) -> JsResult<JsValue> {
    let Request {
        name,
        sloppy_globals,
        direct_eval,
        completion,
        ..
    } = *request;
    let text = SourceText::new(source);
    let needs_value = completion == Completion::Value;
    let evaluators = CompartmentRecord::evaluators(record, sloppy_globals, context)?;
    // The cache holds texts checked under the compartment's own rule; a text accepted only
    // because `evaluate` relaxed it must be checked again next time.
    // (Keyed by UTF-8 text, so a text with unpaired surrogates is not kept.)
    let cacheable_here = direct_eval == record.direct_eval() && text.is_utf8();
    let global = JsValue::from(record.global.clone());
    if cacheable_here && let Some(code) = evaluators.recall(name, text.as_str(), needs_value) {
        return code.run(&global, context);
    }
    let wrapped = location::path(context, name, Shift::WRAPPED);
    let outcome = parse::guarded(Text::Utf8(text.as_str()), |room| {
        // One parse: Boa's, of the source as a block. A text Boa refuses there goes to the
        // analysis below, whose parse has the source's own positions for the error.
        if let Some(untagged) = room.block() {
            match room.blocked(&text, |room, shift| {
                let path = location::path(context, name, shift);
                compile_owned(room, &path, context, &evaluators.owner)
            }) {
                Ok(script) => {
                    return Ok(Outcome::Compiled {
                        code: Code::Block(script),
                        cacheable: untagged,
                        returns_value: true,
                    });
                }
                Err(error) if error.as_native().is_some_and(JsNativeError::is_syntax) => {}
                Err(error) => return Err(error),
            }
        }
        // One parse too when the completion value is not wanted: the source as it is, as a
        // function body. A text Boa refuses goes to the analysis, for the error's positions.
        if let (Completion::Effects, Some(untagged)) = (completion, room.body()) {
            let body = parse::hashbang_as_comment(room.utf8()?);
            match room.wrapping(&body, &text, |room| {
                compile(room, &wrapped, context, &evaluators.owner)
            }) {
                Ok(function) => {
                    return Ok(Outcome::Compiled {
                        code: Code::Function(function),
                        cacheable: untagged,
                        returns_value: false,
                    });
                }
                Err(error) if error.as_native().is_some_and(JsNativeError::is_syntax) => {}
                Err(error) => return Err(error),
            }
        }
        if let Plan::Body {
            body,
            cacheable,
            returns_at,
        } = source::plan_script(room, direct_eval, context.interner_mut())?
        {
            let shift = Shift {
                inserted: returns_at.map(|(line, column)| (line, column, RETURN_LENGTH)),
                ..Shift::WRAPPED
            };
            let path = location::path(context, name, shift);
            match room.wrapping(&body, &text, |room| {
                compile(room, &path, context, &evaluators.owner)
            }) {
                Ok(function) => {
                    return Ok(Outcome::Compiled {
                        code: Code::Function(function),
                        cacheable,
                        returns_value: true,
                    });
                }
                // The rewrite of the final expression is checked by Boa's parser; should a span
                // ever be off, the exact (slower) path below still gives the answer.
                Err(error) if error.as_native().is_some_and(JsNativeError::is_syntax) => {}
                Err(error) => return Err(error),
            }
        }
        Dispatch::arm_direct_eval(context, source.clone());
        let result = evaluators.direct_eval.call(&global, &[], context);
        Dispatch::disarm_direct_eval(context);
        result.map(Outcome::Completed)
    })?;
    match outcome {
        Outcome::Compiled {
            code,
            cacheable,
            returns_value,
        } => {
            // A tagged template's object belongs to the parse: a new evaluation must get new
            // ones.
            if cacheable && cacheable_here {
                evaluators.remember(name, text.as_str().to_owned(), code.clone(), returns_value);
            }
            code.run(&global, context)
        }
        Outcome::Completed(value) => Ok(value),
    }
}

/// `return ` inserted before a source's final expression ([`Plan::Body`]).
const RETURN_LENGTH: u32 = 7;

/// What a new source came to: code to run, or the completion value of the direct eval that ran
/// it.
enum Outcome {
    Compiled {
        code: Code,
        /// It may run again (no tagged template).
        cacheable: bool,
        /// Running it gives the completion value (not so for code compiled for its effects).
        returns_value: bool,
    },
    Completed(JsValue),
}

impl Code {
    /// Runs the compiled source: a function is called with `this` = the compartment's global;
    /// a block Script never reads its `this` (see [`parse::block_script`]).
    fn run(&self, global: &JsValue, context: &mut Context) -> JsResult<JsValue> {
        match self {
            Self::Function(function) => function.call(global, &[], context),
            Self::Block(script) => script.evaluate(context),
        }
    }
}

/// The compartment's own `eval`: indirect eval in the compartment's global scope.
pub(crate) fn make_eval(context: &mut Context, record: &Gc<CompartmentRecord>) -> JsObject {
    FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_copy_closure_with_captures(
            |_, args, record: &Gc<CompartmentRecord>, context| {
                crate::stack::ensure_native_stack()?;
                let source = args.get_or_undefined(0);
                match source.as_string() {
                    Some(source) => evaluate(
                        context,
                        record,
                        source,
                        &Request::named("<eval>", record, Completion::Value),
                    ),
                    None => Ok(source.clone()),
                }
            },
            record.clone(),
        ),
    )
    .name(js_string!("eval"))
    .length(1)
    .build()
    .into()
}

/// The compartment's own `Function`: makes strict functions owned by the compartment.
pub(crate) fn make_function(
    context: &mut Context,
    record: &Gc<CompartmentRecord>,
) -> JsResult<JsObject> {
    let function: JsObject = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_copy_closure_with_captures(
            |_, args, record: &Gc<CompartmentRecord>, context| {
                crate::stack::ensure_native_stack()?;
                // Before the arguments are converted (guest code), as in `evaluate`.
                record.check_engine(context)?;
                let (body, params) = match args.split_last() {
                    Some((body, params)) => (body.to_string(context)?, params),
                    None => (JsString::default(), &[][..]),
                };
                let mut texts = Vec::with_capacity(params.len() + 1);
                for param in params {
                    texts.push(SourceText::new(&param.to_string(context)?));
                }
                let params: Vec<&str> = texts.iter().map(SourceText::as_str).collect();
                let params = params.join(",");
                let body = SourceText::new(&body);
                let source = source::function_source(
                    &params,
                    body.as_str(),
                    record.direct_eval(),
                    context.interner_mut(),
                )?;
                // The parameters come before the body in the compiled text, as in `texts`.
                texts.push(body);
                let wrapped = SourceText::restore(parse::function_script(&source), &texts)?;
                let evaluators = CompartmentRecord::evaluators(record, false, context)?;
                let path = location::path(context, "<anonymous>", Shift::WRAPPED);
                let maker = parse::guarded(wrapped.text(), |room| {
                    compile(room, &path, context, &evaluators.owner)
                })?;
                maker.call(&JsValue::undefined(), &[], context)
            },
            record.clone(),
        ),
    )
    .name(js_string!("Function"))
    .length(1)
    .constructor(true)
    .build()
    .into();
    let prototype = context.intrinsics().constructors().function().prototype();
    set_fixed_prototype(&function, prototype, context)?;
    Ok(function)
}

impl CompartmentRecord {
    /// The evaluators of the given global mode, made on first use.
    pub(crate) fn evaluators(
        this: &Gc<Self>,
        sloppy_globals: bool,
        context: &mut Context,
    ) -> JsResult<Evaluators> {
        let slot = usize::from(sloppy_globals);
        if let Some(evaluators) = &this.evaluators.borrow()[slot] {
            return Ok(evaluators.clone());
        }
        let evaluators = Evaluators::new(this, sloppy_globals, context)?;
        this.evaluators.borrow_mut()[slot] = Some(evaluators.clone());
        Ok(evaluators)
    }
}
