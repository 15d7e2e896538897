//! `Compartment.prototype.import`, `importNow`, `load` and `module`.
//!
//! `import` resolves to `{namespace}` by default, as the SES shim does: a module may export a
//! function named `then`, and a bare namespace would then be taken for a thenable by the very
//! promise that delivers it. With `__noNamespaceBox__: true` (or an engine whose default is XS's
//! behaviour, [`crate::EngineBuilder::namespace_box`]) it resolves to the namespace itself.

use std::{cell::RefCell, future::Future, pin::pin, task::Poll};

use boa_engine::{
    Context, JsArgs, JsData, JsError, JsNativeError, JsObject, JsResult, JsString, JsValue, Module,
    NativeFunction,
    job::NativeAsyncJob,
    js_string,
    object::{
        ObjectInitializer,
        builtins::{JsArray, JsPromise, JsProxyBuilder},
    },
    property::Attribute,
};
use boa_gc::{Finalize, Gc, Trace, WeakGc};

use super::{
    Cx, LoadMode, ModuleTable, obtain,
    source::{Language, read_language},
};
use crate::{
    commons::{own_descriptor, settled},
    jobs::{self, Jobs},
    record::{CompartmentRecord, DeferredNamespace, MemoKey, this_compartment},
};

/// Polls a load that must finish without waiting (the `importNow` path).
fn poll_now<T>(future: impl Future<Output = JsResult<T>>) -> JsResult<T> {
    let mut future = pin!(future);
    // Loading may link (and so compile) modules.
    let poll = crate::parse::with_room_for_any(|| {
        future
            .as_mut()
            .poll(&mut std::task::Context::from_waker(std::task::Waker::noop()))
    })?;
    match poll {
        Poll::Ready(result) => result,
        Poll::Pending => Err(JsNativeError::typ()
            .with_message("importNow: the module could not be loaded synchronously")
            .into()),
    }
}

/// The specifier argument of a module method.
fn specifier_argument(args: &[JsValue], method: &str) -> JsResult<JsString> {
    args.get_or_undefined(0).as_string().ok_or_else(|| {
        JsNativeError::typ()
            .with_message(format!(
                "Compartment.prototype.{method}: the specifier must be a string, got {}",
                args.get_or_undefined(0).display()
            ))
            .into()
    })
}

/// The message of an error, for aggregated load errors, read from data properties only: no
/// guest getter runs, and a guest `AggregateError` is not converted (Boa's conversion reserves
/// room for as many errors as it claims).
fn message_of(error: &JsError) -> String {
    match crate::Error::from_js(error.clone()) {
        crate::Error::Thrown(thrown) => thrown.message,
        other => other.to_string(),
    }
}

/// The error a failed graph load reports: an uncatchable failure (a limit) anywhere in the
/// graph, else the failure itself when it is the only one (or aggregation is off), else one
/// TypeError naming every failure seen in the graph.
fn load_error(
    record: &CompartmentRecord,
    specifier: &JsString,
    root: &Module,
    error: JsError,
    context: &mut Context,
) -> JsError {
    let failures = ModuleTable::get(context).failures_below(root, context);
    // A limit stops the guest whichever failure Boa kept (it keeps the first and drops the
    // rest): it is never folded into a catchable error, nor lost behind another failure.
    if let Some(limit) = failures
        .iter()
        .find(|failure| failure.as_engine().is_some())
    {
        return limit.clone();
    }
    if record.modules.options.no_aggregate_load_errors || failures.len() < 2 {
        return error;
    }
    let messages: Vec<String> = failures.iter().map(message_of).collect();
    JsNativeError::typ()
        .with_message(format!(
            "Failed to load module \"{}\" in compartment \"{}\" ({} underlying failures: {})",
            specifier.to_std_string_escaped(),
            record.name.to_std_string_escaped(),
            failures.len(),
            messages.join(", ")
        ))
        .into()
}

/// Links and evaluates a loaded module, in the module frame (`boa::module_frame`); the promise
/// of its evaluation.
fn link_and_evaluate(
    module: &Module,
    specifier: &JsString,
    context: &mut Context,
) -> JsResult<JsPromise> {
    ModuleTable::get(context).ensure_not_evaluating(module, context)?;
    let step = NativeFunction::from_copy_closure_with_captures(
        |_, _, (module, specifier): &(Module, JsString), context| {
            // Boa compiles a module's code when it links it. Its link errors name an import,
            // not the graph: the message names the module whose graph failed.
            crate::parse::with_room_for_any(|| module.link(context))?.map_err(|error| {
                crate::commons::noted(error, || {
                    format!("linking module \"{}\"", specifier.to_std_string_escaped())
                })
            })?;
            Ok(module.evaluate(context)?.into())
        },
        (module.clone(), specifier.clone()),
    );
    let frame = ModuleTable::get(context).frame(context)?;
    let promise = crate::boa::module_frame::in_frame(&frame, step, context)?;
    promise
        .as_object()
        .and_then(|promise| JsPromise::from_object(promise).ok())
        .ok_or_else(|| {
            JsNativeError::typ()
                .with_message("module evaluation did not give a promise")
                .into()
        })
}

/// Waits for a promise Boa's module machinery returned.
async fn awaited(promise: JsPromise, what: String, context: Cx<'_, '_>) -> JsResult<JsValue> {
    let outcome = settled(&promise, &context.borrow());
    if let Some(outcome) = outcome {
        return outcome;
    }
    let slot = jobs::promise_slot(&promise, what, false, &mut context.borrow_mut())?;
    crate::jobs::SettledSlot::wait(slot).await
}

/// Loads the graph below `module`, then (if `execute`) links and evaluates it.
async fn load_graph(
    record: &Gc<CompartmentRecord>,
    specifier: &JsString,
    module: &Module,
    execute: bool,
    context: Cx<'_, '_>,
) -> JsResult<()> {
    let what = |step: &str| {
        format!(
            "the {step} of module \"{}\"",
            specifier.to_std_string_escaped()
        )
    };
    let loading = module.load(&mut context.borrow_mut());
    if let Err(error) = awaited(loading, what("load"), context).await {
        return Err(load_error(
            record,
            specifier,
            module,
            error,
            &mut context.borrow_mut(),
        ));
    }
    ModuleTable::get(&context.borrow()).mark_loaded(module, &context.borrow());
    if !execute {
        return Ok(());
    }
    let evaluation = link_and_evaluate(module, specifier, &mut context.borrow_mut())?;
    awaited(evaluation, what("evaluation"), context).await?;
    ModuleTable::get(&context.borrow()).mark_evaluated(module, &context.borrow());
    Ok(())
}

/// Runs an async module operation as a job and returns its promise.
fn spawn<F>(context: &mut Context, operation: F) -> JsValue
where
    F: AsyncFnOnce(&RefCell<&mut Context>) -> JsResult<JsValue> + 'static,
{
    let (promise, resolvers) = JsPromise::new_pending(context);
    let realm = context.realm().clone();
    context.enqueue_job(
        NativeAsyncJob::with_realm(
            async move |context: &RefCell<&mut Context>| {
                let result = operation(context).await;
                let mut context = context.borrow_mut();
                match result {
                    Ok(value) => {
                        resolvers
                            .resolve
                            .call(&JsValue::undefined(), &[value], &mut context)
                    }
                    Err(error) => {
                        let reason = error.into_opaque(&mut context)?;
                        resolvers
                            .reject
                            .call(&JsValue::undefined(), &[reason], &mut context)
                    }
                }
            },
            realm,
        )
        .into(),
    );
    promise.into()
}

/// Whether `import()` of this compartment boxes the namespace.
pub(crate) fn boxes_namespace(record: &CompartmentRecord, context: &Context) -> bool {
    match record.modules.options.no_namespace_box {
        Some(no_box) => !no_box,
        None => !ModuleTable::get(context).unboxed_by_default.get(),
    }
}

/// `Compartment.prototype.import(specifier[, options])`.
pub(crate) fn import(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let record = this_compartment(this, "import", context)?;
    let arguments = specifier_argument(args, "import")
        .and_then(|specifier| Ok((specifier, read_language(args.get_or_undefined(1), context)?)));
    let boxed = boxes_namespace(&record, context);
    Ok(import_promise(record, arguments, boxed, context))
}

/// The promise of an `import`: the namespace (boxed as `{namespace}` if `boxed`).
pub(crate) fn import_promise(
    record: Gc<CompartmentRecord>,
    arguments: JsResult<(JsString, Language)>,
    boxed: bool,
    context: &mut Context,
) -> JsValue {
    spawn(context, async move |context: &RefCell<&mut Context>| {
        let (specifier, language) = arguments?;
        let module = obtain(
            record.clone(),
            specifier.clone(),
            language,
            LoadMode::Async,
            context,
        )
        .await?;
        load_graph(&record, &specifier, &module, true, context).await?;
        let mut context = context.borrow_mut();
        let namespace = ModuleTable::get(&context).namespace(&module, &mut context);
        if !boxed {
            return Ok(namespace.into());
        }
        Ok(ObjectInitializer::new(&mut context)
            .property(js_string!("namespace"), namespace, Attribute::all())
            .build()
            .into())
    })
}

/// `Compartment.prototype.load(specifier)`: loads the graph without running it.
pub(crate) fn load(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let record = this_compartment(this, "load", context)?;
    let specifier = specifier_argument(args, "load");
    Ok(spawn(
        context,
        async move |context: &RefCell<&mut Context>| {
            let specifier = specifier?;
            let module = obtain(
                record.clone(),
                specifier.clone(),
                Language::JavaScript,
                LoadMode::Async,
                context,
            )
            .await?;
            load_graph(&record, &specifier, &module, false, context).await?;
            Ok(JsValue::undefined())
        },
    ))
}

/// `Compartment.prototype.importNow(specifier[, options])`: loads with the synchronous hooks,
/// links and evaluates, without running any promise job. A graph with top-level `await` is
/// refused before any of it runs.
pub(crate) fn import_now(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let record = this_compartment(this, "importNow", context)?;
    let specifier = specifier_argument(args, "importNow")?;
    let language = read_language(args.get_or_undefined(1), context)?;
    Ok(import_now_namespace(&record, &specifier, language, context)?.into())
}

/// Loads, links and evaluates a module synchronously; its namespace.
pub(crate) fn import_now_namespace(
    record: &Gc<CompartmentRecord>,
    specifier: &JsString,
    language: Language,
    context: &mut Context,
) -> JsResult<JsObject> {
    let queue = jobs::jobs(context);
    let (module, captured) = Jobs::capture(&queue, context, |context| {
        let cell = RefCell::new(context);
        poll_now(obtain(
            record.clone(),
            specifier.clone(),
            language,
            LoadMode::Now,
            &cell,
        ))
    });
    Jobs::drive_captured(&queue, context, captured)?;
    let module = module?;
    let (loading, captured) = Jobs::capture(&queue, context, |context| module.load(context));
    Jobs::drive_captured(&queue, context, captured)?;
    let loaded = settled(&loading, context).unwrap_or_else(|| {
        Err(JsNativeError::typ()
            .with_message("importNow: the module graph could not be loaded synchronously")
            .into())
    });
    if let Err(error) = loaded {
        return Err(load_error(record, specifier, &module, error, context));
    }
    let table = ModuleTable::get(context);
    table.mark_loaded(&module, context);
    if table.graph_awaits(&module, context)? {
        return Err(JsNativeError::typ()
            .with_message(format!(
                "importNow: module \"{}\" or a module it imports uses top-level await; use import()",
                specifier.to_std_string_escaped()
            ))
            .into());
    }
    let evaluation = link_and_evaluate(&module, specifier, context)?;
    settled(&evaluation, context).unwrap_or_else(|| {
        Err(JsNativeError::typ()
            .with_message(format!(
                "importNow: module \"{}\" waits on an asynchronous module",
                specifier.to_std_string_escaped()
            ))
            .into())
    })?;
    ModuleTable::get(context).mark_evaluated(&module, context);
    Ok(ModuleTable::get(context).namespace(&module, context))
}

/// The target of a deferred namespace from `module()`: which module it stands for.
#[derive(Trace, Finalize, JsData)]
struct Deferred {
    compartment: WeakGc<CompartmentRecord>,
    #[unsafe_ignore_trace]
    specifier: JsString,
}

/// The compartment and specifier behind `object`, if it is a deferred namespace.
pub(crate) fn deferred_target(
    object: &JsObject,
    context: &Context,
) -> Option<(Gc<CompartmentRecord>, JsString)> {
    let target = ModuleTable::get(context).deferred(object)?;
    let deferred = target.downcast_ref::<Deferred>()?;
    Some((deferred.compartment.upgrade()?, deferred.specifier.clone()))
}

/// `Compartment.prototype.module(specifier)`: the module's namespace, usable before the module
/// is loaded, as a token another compartment's `modules` map can alias. Reading it before the
/// module's graph has loaded throws; it can never be written. (Its properties report as
/// configurable and it as extensible: a proxy may not claim more of a target it cannot fill.)
pub(crate) fn module(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let record = this_compartment(this, "module", context)?;
    let specifier = specifier_argument(args, "module")?;
    if let Some(existing) = record.modules.deferred.borrow().get(&specifier) {
        return Ok(existing.proxy.clone().into());
    }
    let target = JsObject::from_proto_and_data(
        None,
        Deferred {
            compartment: WeakGc::new(&record),
            specifier: specifier.clone(),
        },
    )
    .upcast();
    let proxy: JsObject = JsProxyBuilder::new(target.clone())
        .get(|_, args, context| {
            let key = args.get_or_undefined(1).to_property_key(context)?;
            namespace_behind(args, context)?.get(key, context)
        })
        .has(|_, args, context| {
            let key = args.get_or_undefined(1).to_property_key(context)?;
            Ok(namespace_behind(args, context)?
                .has_property(key, context)?
                .into())
        })
        .own_keys(|_, args, context| {
            let keys = namespace_behind(args, context)?.own_property_keys(context)?;
            Ok(JsArray::from_iter(keys.into_iter().map(JsValue::from), context).into())
        })
        .get_own_property_descriptor(|_, args, context| {
            let key = args.get_or_undefined(1).to_property_key(context)?;
            let namespace = namespace_behind(args, context)?;
            let Some(descriptor) = own_descriptor(&namespace, &key, context)? else {
                return Ok(JsValue::undefined());
            };
            let value = namespace.get(key, context)?;
            Ok(ObjectInitializer::new(context)
                .property(js_string!("value"), value, Attribute::all())
                .property(
                    js_string!("writable"),
                    descriptor.expect_writable(),
                    Attribute::all(),
                )
                .property(
                    js_string!("enumerable"),
                    descriptor.expect_enumerable(),
                    Attribute::all(),
                )
                .property(js_string!("configurable"), true, Attribute::all())
                .build()
                .into())
        })
        .get_prototype_of(|_, _, _| Ok(JsValue::null()))
        .set(read_only)
        .define_property(read_only)
        .delete_property(read_only)
        .set_prototype_of(read_only)
        .prevent_extensions(read_only)
        .build(context)?
        .into();
    let deferred = Gc::new(DeferredNamespace {
        proxy: proxy.clone(),
        target,
    });
    ModuleTable::get(context).add_deferred(&deferred);
    record
        .modules
        .deferred
        .borrow_mut()
        .insert(specifier, deferred);
    Ok(proxy.into())
}

fn read_only(_: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    Err(JsNativeError::typ()
        .with_message("a module namespace is read-only")
        .into())
}

/// The loaded namespace a deferred namespace's trap (arguments: target, ...) stands for.
fn namespace_behind(args: &[JsValue], context: &mut Context) -> JsResult<JsObject> {
    let target = args.get_or_undefined(0).as_object();
    let deferred = target.as_ref().and_then(|target| {
        target
            .downcast_ref::<Deferred>()
            .map(|d| (d.compartment.clone(), d.specifier.clone()))
    });
    let Some((compartment, specifier)) = deferred else {
        return Err(JsNativeError::typ()
            .with_message("not a deferred module namespace")
            .into());
    };
    let record = compartment
        .upgrade()
        .ok_or_else(|| JsNativeError::typ().with_message("the module's compartment is gone"))?;
    let module = record
        .modules
        .loaded(&MemoKey::new(specifier.clone(), Language::JavaScript))
        .filter(|module| {
            crate::ownership::Owners::module_info(context, module)
                .is_some_and(|info| info.loaded.get())
        })
        .ok_or_else(|| {
            JsNativeError::typ().with_message(format!(
                "module \"{}\" of compartment \"{}\" has not been loaded yet",
                specifier.to_std_string_escaped(),
                record.name.to_std_string_escaped()
            ))
        })?;
    Ok(ModuleTable::get(context).namespace(&module, context))
}
