//! A compartment's evaluator: `Compartment.prototype.evaluate`, and the compartment's own `eval`
//! and `Function`.
//!
//! Guest code is never compiled as a top-level Script (its declarations would land in the
//! shared realm) nor through Boa's `eval` or `with` (closures made there run ~3x slower).
//! Instead each compartment owns a tiny *trampoline* Script, registered with the dispatch as
//! owned by the compartment. Its first function hands a strict function body to the realm's
//! private `%Function%`; the function so made is owned by the trampoline's script, hence by the
//! compartment, and is called with `this` = the compartment's `globalThis`: top-level
//! declarations stay local to the call, code is strict, and the final expression statement was
//! rewritten into the return value (see [`source`]). Sources whose completion value depends on
//! control flow take the trampoline's second function, a strict direct eval, which computes the
//! exact completion value.

mod source;
mod stack;

pub(crate) use source::check_guest_code;
pub(crate) use stack::{check_nesting, ensure_native_stack, with_room};

use boa_engine::{
    Context, JsArgs, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction, Script,
    Source, js_string, object::FunctionObjectBuilder,
};
use boa_gc::{Finalize, Gc, GcRefCell, Trace};

use crate::{
    compartment::{CompartmentRecord, set_fixed_prototype},
    dispatch::{Dispatch, Owner},
    engine::Shared,
};
use source::Plan;

/// The trampoline. Its outer function receives the private `%Function%`; `eval` inside the
/// second function is a free name that the dispatch resolves once to the realm's `%eval%`
/// (armed by [`evaluate`] just before the call), so it is a genuine strict direct eval.
const TRAMPOLINE: &str = "(function (F) { 'use strict'; return [\
    function (body) { return F(body); }, \
    function () { return eval(arguments[0]); }]; })";

/// How many recently compiled sources a compartment keeps per global mode.
const RECENT: usize = 16;

/// The two compilers of one compartment in one global mode, and the functions compiled for the
/// most recent sources: evaluating the same text again calls the same function (a fresh
/// activation, so declarations are still local to each call) instead of parsing twice more.
#[derive(Clone, Trace, Finalize)]
pub(crate) struct Evaluators {
    compile: JsObject,
    direct_eval: JsObject,
    recent: Gc<GcRefCell<Vec<Compiled>>>,
}

#[derive(Trace, Finalize)]
struct Compiled {
    #[unsafe_ignore_trace]
    source: String,
    function: JsObject,
}

impl Evaluators {
    fn recall(&self, source: &str) -> Option<JsObject> {
        let mut recent = self.recent.borrow_mut();
        let index = recent.iter().position(|c| c.source == source)?;
        let compiled = recent.remove(index);
        let function = compiled.function.clone();
        recent.push(compiled);
        Some(function)
    }

    fn remember(&self, source: String, function: JsObject) {
        let mut recent = self.recent.borrow_mut();
        if recent.len() == RECENT {
            recent.remove(0);
        }
        recent.push(Compiled { source, function });
    }
}

impl Evaluators {
    pub(crate) fn new(
        record: &Gc<CompartmentRecord>,
        sloppy_globals: bool,
        context: &mut Context,
    ) -> JsResult<Self> {
        let script = Script::parse(Source::from_bytes(TRAMPOLINE), None, context)?;
        let code = script.codeblock(context)?;
        Dispatch::register(
            context,
            &code,
            Owner {
                compartment: record.clone(),
                sloppy_globals,
            },
        );
        let factory = script.evaluate(context)?;
        let function = Shared::get(context).function.clone();
        let pair = callable(&factory)?.call(&JsValue::undefined(), &[function.into()], context)?;
        let pair = callable(&pair)?;
        Ok(Self {
            compile: callable(&pair.get(0, context)?)?,
            direct_eval: callable(&pair.get(1, context)?)?,
            recent: Gc::new(GcRefCell::new(Vec::new())),
        })
    }
}

fn callable(value: &JsValue) -> JsResult<JsObject> {
    value.as_object().ok_or_else(|| {
        JsNativeError::typ()
            .with_message("internal evaluator is not an object")
            .into()
    })
}

/// Evaluates `source` in the compartment with SES `evaluate` semantics and returns its
/// completion value. `transforms` run before the compartment's own.
pub(crate) fn evaluate(
    context: &mut Context,
    record: &Gc<CompartmentRecord>,
    source: JsString,
    transforms: &[JsObject],
    sloppy_globals: bool,
) -> JsResult<JsValue> {
    Dispatch::check_limits(context)?;
    let mut source = source;
    for transform in transforms.iter().chain(&record.transforms) {
        let output = transform.call(&JsValue::undefined(), &[source.into()], context)?;
        source = output.as_string().ok_or_else(|| {
            JsNativeError::typ().with_message("a source transform must return a string")
        })?;
    }
    let text = source.to_std_string().map_err(|_| {
        JsNativeError::syntax().with_message("source text contains an unpaired surrogate")
    })?;
    run(context, record, text, sloppy_globals)
}

/// Validates, compiles and runs a (transformed) script source.
fn run(
    context: &mut Context,
    record: &Gc<CompartmentRecord>,
    text: String,
    sloppy_globals: bool,
) -> JsResult<JsValue> {
    let evaluators = CompartmentRecord::evaluators(record, sloppy_globals, context)?;
    let global = JsValue::from(record.global.clone());
    if let Some(function) = evaluators.recall(&text) {
        return function.call(&global, &[], context);
    }
    // Only a source that is not already compiled needs the nesting check and the parse.
    let depth = stack::check_nesting(&text)?;
    with_room(depth, || run_new(context, &evaluators, &global, text))
}

/// Parses, compiles and runs a source not compiled before.
fn run_new(
    context: &mut Context,
    evaluators: &Evaluators,
    global: &JsValue,
    text: String,
) -> JsResult<JsValue> {
    let plan = source::plan_script(&text, context.interner_mut())?;
    if let Plan::Body(body) = plan {
        match compile(context, evaluators, body) {
            Ok(function) => {
                evaluators.remember(text, function.clone());
                return function.call(global, &[], context);
            }
            // The rewrite of the final expression is checked by Boa's compiler; should a span
            // ever be off, the exact (slower) path below still gives the right answer.
            Err(error) if error.as_native().is_some_and(JsNativeError::is_syntax) => {}
            Err(error) => return Err(error),
        }
    }
    Dispatch::arm_eval_once(context, true);
    let result = evaluators
        .direct_eval
        .call(global, &[JsString::from(text).into()], context);
    Dispatch::arm_eval_once(context, false);
    result
}

/// Compiles a strict function body owned by the compartment.
fn compile(context: &mut Context, evaluators: &Evaluators, body: String) -> JsResult<JsObject> {
    let function = evaluators.compile.call(
        &JsValue::undefined(),
        &[JsString::from(body).into()],
        context,
    )?;
    callable(&function)
}

/// The compartment's own `eval`: indirect eval in the compartment's global scope.
pub(crate) fn make_eval(context: &mut Context, record: &Gc<CompartmentRecord>) -> JsObject {
    FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_copy_closure_with_captures(
            |_, args, record: &Gc<CompartmentRecord>, context| {
                let source = args.get_or_undefined(0);
                match source.as_string() {
                    Some(source) => evaluate(context, record, source, &[], false),
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
                let (body, params) = match args.split_last() {
                    Some((body, params)) => (body.to_string(context)?, params),
                    None => (JsString::default(), &[][..]),
                };
                let mut joined = Vec::with_capacity(params.len());
                for param in params {
                    joined.push(text_of(&param.to_string(context)?)?);
                }
                let (params, body) = (joined.join(","), text_of(&body)?);
                // The assembled source nests its parts two levels deeper.
                let depth = stack::check_nesting(&params)?.max(stack::check_nesting(&body)?) + 2;
                with_room(depth, || {
                    let source = source::function_source(&params, &body, context.interner_mut())?;
                    let evaluators = CompartmentRecord::evaluators(record, false, context)?;
                    let maker = compile(context, &evaluators, source)?;
                    maker.call(&JsValue::undefined(), &[], context)
                })
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

fn text_of(string: &JsString) -> JsResult<String> {
    string.to_std_string().map_err(|_| {
        JsNativeError::syntax()
            .with_message("source text contains an unpaired surrogate")
            .into()
    })
}
