//! The engine's module loader: Boa asks it for every import; it finds the compartment behind
//! the referrer and answers from that compartment's memo, `modules` map, `moduleMapHook` and
//! import hooks, in the SES shim's order.

use std::{cell::RefCell, rc::Rc};

use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsString, JsValue, Module, js_string,
    module::{ModuleLoader, ModuleRequest, Referrer},
    object::builtins::JsPromise,
};
use boa_gc::Gc;

use super::{Cx, LoadMode, Loading, descriptor, source, virtual_source};
use crate::{
    jobs::{self, SettledSlot},
    ownership::Owners,
    record::{CompartmentRecord, Memo, MemoKey, ModuleInfo},
};

/// Whether `specifier` is one of the static imports of the module `info` describes.
fn is_static_request(
    info: &ModuleInfo,
    specifier: &JsString,
    context: Cx<'_, '_>,
) -> JsResult<bool> {
    let Some(text) = &info.text else {
        return Ok(false);
    };
    let facts = text.facts(context.borrow_mut().interner_mut())?;
    Ok(facts.requests.contains(specifier))
}

/// The engine's module loader: routes each request to the compartment behind its referrer.
pub(crate) struct Loader;

impl ModuleLoader for Loader {
    async fn load_imported_module(
        self: Rc<Self>,
        referrer: Referrer,
        request: ModuleRequest,
        context: &RefCell<&mut Context>,
    ) -> JsResult<Module> {
        let record = Owners::of_referrer(&mut context.borrow_mut(), &referrer)?
            .compartment
            .clone();
        let referrer_info = match &referrer {
            Referrer::Module(module) => {
                let info = Owners::module_info(&context.borrow(), module).ok_or_else(|| {
                    JsNativeError::typ().with_message("the module is not in the module table")
                })?;
                if request.specifier() == virtual_source::HELPER
                    && let Some(helper) = info.helper.borrow_mut().take()
                {
                    return Ok(helper);
                }
                Some(info)
            }
            _ => None,
        };
        let language = language_of(&request)?;
        let mode = if jobs::jobs(&context.borrow()).is_capturing() {
            LoadMode::Now
        } else {
            LoadMode::Async
        };
        let result = async {
            let specifier = resolve(
                &record,
                request.specifier(),
                referrer_info.as_ref().map(|info| &info.specifier),
                &mut context.borrow_mut(),
            )?;
            // An engine-made load error (a hook's `HostError`, a file that cannot be read)
            // names the module whose import failed (a resolve error already does).
            obtain(record.clone(), specifier, language, mode, context)
                .await
                .map_err(|error| match &referrer_info {
                    Some(info) => crate::commons::noted(error, || {
                        format!("imported by \"{}\"", info.specifier.to_std_string_escaped())
                    }),
                    None => error,
                })
        }
        .await;
        if let Some(info) = referrer_info {
            let mut failures = info.failures.borrow_mut();
            failures.retain(|(specifier, _)| specifier != request.specifier());
            match &result {
                // Only static imports belong to the graph whose loading `mark_loaded` records:
                // a module `import()` returned may still fail to load its own graph.
                Ok(module) if is_static_request(&info, request.specifier(), context)? => {
                    let mut dependencies = info.dependencies.borrow_mut();
                    if !dependencies.contains(module) {
                        dependencies.push(module.clone());
                    }
                }
                Ok(_) => {}
                Err(error) => failures.push((request.specifier().clone(), error.clone())),
            }
        }
        result
    }

    fn init_import_meta(
        self: Rc<Self>,
        import_meta: &JsObject,
        module: &Module,
        context: &mut Context,
    ) {
        let Some(info) = Owners::module_info(context, module) else {
            return;
        };
        let Some(prepared) = &info.import_meta else {
            return;
        };
        // The prepared object is ours (null prototype, data properties only): copying cannot
        // run guest code, and this hook has no way to report an error.
        for key in prepared.own_property_keys(context).unwrap_or_default() {
            if let Some(value) = prepared
                .borrow()
                .properties()
                .get(&key)
                .and_then(|d| d.value().cloned())
            {
                import_meta.insert_property(
                    key,
                    boa_engine::property::PropertyDescriptor::builder()
                        .value(value)
                        .writable(true)
                        .enumerable(true)
                        .configurable(true),
                );
            }
        }
    }
}

/// The module language a request asks for with its `type` attribute.
pub(crate) fn language_of(request: &ModuleRequest) -> JsResult<source::Language> {
    match request.get_attribute("type") {
        None => Ok(source::Language::JavaScript),
        Some(kind) if kind == &JsString::from("json") => Ok(source::Language::Json),
        Some(kind) => Err(JsNativeError::typ()
            .with_message(format!(
                "unsupported module type \"{}\": only \"json\" is supported",
                kind.to_std_string_escaped()
            ))
            .into()),
    }
}

/// The options argument hooks get: `undefined`, or `{with: {type: 'json'}}`.
fn hook_options(language: source::Language, context: &mut Context) -> JsValue {
    match language {
        source::Language::JavaScript => JsValue::undefined(),
        source::Language::Json => {
            let with = boa_engine::object::ObjectInitializer::new(context)
                .property(
                    JsString::from("type"),
                    JsString::from("json"),
                    boa_engine::property::Attribute::all(),
                )
                .build();
            boa_engine::object::ObjectInitializer::new(context)
                .property(
                    JsString::from("with"),
                    with,
                    boa_engine::property::Attribute::all(),
                )
                .build()
                .into()
        }
    }
}

/// Resolves an import specifier against its referrer's specifier with the compartment's
/// `resolveHook`, or the nearest ancestor's (as XS does). Top-level specifiers (from
/// `import()` in scripts and from the compartment's own methods) are already full.
pub(crate) fn resolve(
    record: &Gc<CompartmentRecord>,
    specifier: &JsString,
    referrer: Option<&JsString>,
    context: &mut Context,
) -> JsResult<JsString> {
    let Some(referrer) = referrer else {
        return Ok(specifier.clone());
    };
    let mut current = Some(record.clone());
    while let Some(compartment) = current {
        if let Some(hook) = &compartment.modules.options.resolve_hook {
            let resolved = hook.call(
                &JsValue::undefined(),
                &[specifier.clone().into(), referrer.clone().into()],
                context,
            )?;
            return resolved.as_string().ok_or_else(|| {
                JsNativeError::typ()
                    .with_message(format!(
                        "resolveHook of compartment \"{}\" returned {} for \"{}\": it must return a string",
                        record.name.to_std_string_escaped(),
                        resolved.display(),
                        specifier.to_std_string_escaped()
                    ))
                    .into()
            });
        }
        current = compartment.parent.clone();
    }
    Err(JsNativeError::typ()
        .with_message(format!(
            "cannot resolve \"{}\" imported by \"{}\" in compartment \"{}\": no resolveHook",
            specifier.to_std_string_escaped(),
            referrer.to_std_string_escaped(),
            record.name.to_std_string_escaped()
        ))
        .into())
}

/// The module instance `record` has for the full `specifier`: from its memo, or made from the
/// descriptor its map or hooks give. Concurrent loads of one specifier share one instance.
pub(crate) fn obtain<'a, 'b: 'a>(
    record: Gc<CompartmentRecord>,
    specifier: JsString,
    language: source::Language,
    mode: LoadMode,
    context: Cx<'a, 'b>,
) -> Loading<'a, Module> {
    Box::pin(async move {
        let key = MemoKey::new(specifier.clone(), language);
        let pending = match record.modules.memo.borrow().get(&key) {
            Some(Memo::Loaded(module)) => return Ok(module.clone()),
            Some(Memo::Loading(slot)) => Some(slot.clone()),
            None => None,
        };
        if let Some(slot) = pending {
            if mode == LoadMode::Now && slot.peek().is_none() {
                return Err(JsNativeError::typ()
                    .with_message(format!(
                        "module \"{}\" is being loaded asynchronously in compartment \"{}\"",
                        specifier.to_std_string_escaped(),
                        record.name.to_std_string_escaped()
                    ))
                    .into());
            }
            return SettledSlot::wait(slot).await;
        }
        let slot = SettledSlot::new(
            jobs::jobs(&context.borrow()).stall_flag(),
            format!(
                "the load of module \"{}\"",
                specifier.to_std_string_escaped()
            ),
            false,
        );
        record
            .modules
            .memo
            .borrow_mut()
            .insert(key.clone(), Memo::Loading(slot.clone()));
        let result = async {
            let descriptor = lookup(&record, &specifier, language, mode, context).await?;
            descriptor::instantiate(
                record.clone(),
                specifier.clone(),
                descriptor,
                language,
                mode,
                context,
            )
            .await
        }
        .await;
        let mut memo = record.modules.memo.borrow_mut();
        match &result {
            Ok(module) => {
                memo.insert(key, Memo::Loaded(module.clone()));
            }
            Err(_) => {
                memo.remove(&key);
            }
        }
        drop(memo);
        slot.settle(result.clone());
        result
    })
}

/// Finds the descriptor for `specifier`: the `modules` map, then `moduleMapHook`, then the
/// import hook (awaited; `importNowHook` on the synchronous path).
pub(crate) fn lookup<'a, 'b: 'a>(
    record: &'a Gc<CompartmentRecord>,
    specifier: &'a JsString,
    language: source::Language,
    mode: LoadMode,
    context: Cx<'a, 'b>,
) -> Loading<'a, JsValue> {
    Box::pin(async move {
        let options = &record.modules.options;
        if let Some((_, descriptor)) = options.map.iter().find(|(key, _)| key == specifier) {
            return Ok(descriptor.clone());
        }
        if let Some(hook) = &options.module_map_hook {
            let descriptor = hook.call(
                &JsValue::undefined(),
                &[specifier.clone().into()],
                &mut context.borrow_mut(),
            )?;
            if !descriptor.is_undefined() {
                return Ok(descriptor);
            }
        }
        let (hook, name) = match mode {
            LoadMode::Now => (&options.import_now_hook, "importNowHook"),
            LoadMode::Async => (&options.import_hook, "importHook"),
        };
        let Some(hook) = hook else {
            return Err(JsNativeError::typ()
                .with_message(format!(
                    "no {name} in compartment \"{}\" to load module \"{}\"",
                    record.name.to_std_string_escaped(),
                    specifier.to_std_string_escaped()
                ))
                .into());
        };
        let descriptor = {
            let mut context = context.borrow_mut();
            let hook_options = hook_options(language, &mut context);
            hook.call(
                &JsValue::undefined(),
                &[specifier.clone().into(), hook_options],
                &mut context,
            )?
        };
        if mode == LoadMode::Now || descriptor::is_namespace_token(&descriptor, &context.borrow()) {
            return Ok(descriptor);
        }
        let slot = {
            let mut context = context.borrow_mut();
            // A hook's result is awaited. A promise is waited for; a thenable is adopted; any
            // other value is the descriptor itself, taken at once (awaiting it would only cost
            // a turn of the job queue per module).
            let promise = match descriptor.as_object() {
                Some(object) if object.is::<boa_engine::builtins::promise::Promise>() => {
                    JsPromise::from_object(object)?
                }
                Some(object) => {
                    let then = object.get(js_string!("then"), &mut context)?;
                    let Some(then) = then.as_callable() else {
                        return Ok(descriptor);
                    };
                    let (promise, resolvers) = JsPromise::new_pending(&mut context);
                    then.call(
                        &descriptor,
                        &[resolvers.resolve.into(), resolvers.reject.into()],
                        &mut context,
                    )?;
                    promise
                }
                None => return Ok(descriptor),
            };
            jobs::promise_slot(
                &promise,
                format!(
                    "the importHook promise for module \"{}\" in compartment \"{}\"",
                    specifier.to_std_string_escaped(),
                    record.name.to_std_string_escaped()
                ),
                true,
                &mut context,
            )?
        };
        SettledSlot::wait(slot).await
    })
}

/// The module source `record` has for `specifier`, for a child's `{source: specifier}`.
pub(crate) fn source_of<'a, 'b: 'a>(
    record: Gc<CompartmentRecord>,
    specifier: JsString,
    mode: LoadMode,
    context: Cx<'a, 'b>,
) -> Loading<'a, JsValue> {
    Box::pin(async move {
        if let Some(source) = record.modules.sources.borrow().get(&specifier) {
            return Ok(source.clone());
        }
        let descriptor = lookup(
            &record,
            &specifier,
            source::Language::JavaScript,
            mode,
            context,
        )
        .await?;
        let source = descriptor::source_in(&record, &specifier, descriptor, mode, context).await?;
        record
            .modules
            .sources
            .borrow_mut()
            .insert(specifier, source.clone());
        Ok(source)
    })
}
