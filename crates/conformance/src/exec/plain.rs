//! Plain mode: a fresh Boa context per test, the baseline the hardened modes are held to.

use std::rc::Rc;

use boa_engine::{
    Context, JsError, JsResult, JsValue, Module, Script, Source, builtins::promise::PromiseState,
    object::builtins::JsPromise,
};

use super::{
    Stage, Test, Thrown, host,
    host::{AgentHost, PrintLog},
    judge,
    loader::FixtureLoader,
};
use crate::suite::Variant;

pub fn run(test: &Test) -> Result<(), String> {
    let loader = Rc::new(FixtureLoader::new(&test.path));
    let mut context = Context::builder()
        .module_loader(loader.clone())
        .can_block(!test.meta.flags.can_block_is_false)
        .build()
        .map_err(|e| format!("cannot build a context: {e}"))?;
    context.insert_data(PrintLog::default());
    context.insert_data(AgentHost::default());
    host::install_plain(&mut context).map_err(|e| format!("cannot install $262: {e}"))?;
    for file in &test.prelude {
        if let Err(error) =
            Script::parse(Source::from_bytes(file.text.as_bytes()), None, &mut context)
                .and_then(|script| script.evaluate(&mut context))
        {
            let thrown = Thrown::new(Stage::Runtime, &error, &mut context);
            return Err(format!("harness {}: {thrown}", file.name));
        }
    }
    let thrown = if test.variant == Variant::Module {
        run_module(test, &loader, &mut context)
    } else {
        run_script(test, &mut context)
    };
    let prints = context
        .get_data::<PrintLog>()
        .map(|log| log.0.borrow().clone())
        .unwrap_or_default();
    judge(test, thrown, &prints)
}

fn run_script(test: &Test, context: &mut Context) -> Option<Thrown> {
    let source = test.variant_source();
    let thrown =
        |stage, error: JsError, context: &mut Context| Some(Thrown::new(stage, &error, context));
    let script = match Script::parse(
        Source::from_reader(source.as_bytes(), Some(&test.path)),
        None,
        context,
    ) {
        Ok(script) => script,
        Err(error) => return thrown(Stage::Parse, error, context),
    };
    // Early errors Boa finds while compiling are still parse-phase errors.
    if let Err(error) = script.codeblock(context) {
        return thrown(Stage::Parse, error, context);
    }
    if let Err(error) = script.evaluate(context) {
        return thrown(Stage::Runtime, error, context);
    }
    context
        .run_jobs()
        .err()
        .and_then(|error| thrown(Stage::Runtime, error, context))
}

fn run_module(test: &Test, loader: &FixtureLoader, context: &mut Context) -> Option<Thrown> {
    let module = match Module::parse(
        Source::from_reader(test.source.as_bytes(), Some(&test.path)),
        None,
        context,
    ) {
        Ok(module) => module,
        Err(error) => return Some(Thrown::new(Stage::Parse, &error, context)),
    };
    loader.insert(test.path.clone(), module.clone());
    let loaded = module.load(context);
    if let Err(thrown) = settle(&loaded, Stage::Resolution, context) {
        return Some(thrown);
    }
    if let Err(error) = module.link(context) {
        return Some(Thrown::new(Stage::Resolution, &error, context));
    }
    let evaluated = match module.evaluate(context) {
        Ok(promise) => promise,
        Err(error) => return Some(Thrown::new(Stage::Runtime, &error, context)),
    };
    settle(&evaluated, Stage::Runtime, context).err()
}

/// Runs jobs until `promise` settles; a rejection is an error of `stage`.
fn settle(promise: &JsPromise, stage: Stage, context: &mut Context) -> Result<JsValue, Thrown> {
    let jobs: JsResult<()> = context.run_jobs();
    if let Err(error) = jobs {
        return Err(Thrown::new(Stage::Runtime, &error, context));
    }
    match promise.state() {
        PromiseState::Fulfilled(value) => Ok(value),
        PromiseState::Rejected(reason) => {
            Err(Thrown::new(stage, &JsError::from_opaque(reason), context))
        }
        PromiseState::Pending => Err(Thrown {
            stage,
            name: "Pending".into(),
            message: "the module's promise never settled".into(),
        }),
    }
}
