//! Modules: every compartment has its own module map, and every module instance is a native Boa
//! module owned by the compartment that instantiated it.
//!
//! All module records live in the one realm. The engine's [`Loader`] is Boa's module loader: it
//! finds the compartment behind each request from its referrer (a module's owner from the
//! [`ModuleTable`], a script's from the global-name dispatch) and answers from that compartment's
//! memo, `modules` map, `moduleMapHook`, and `importHook`/`importNowHook`, in that order (the SES
//! shim's order). Module code resolves free names through the same dispatch as scripts, keyed by
//! the running module, so it sees its own compartment's globals.
//!
//! Units: [`source`] (module text and `ModuleSource`), [`descriptor`] (module descriptors into
//! module instances), [`virtual_source`] (virtual module sources and namespaces), [`methods`]
//! (`import`, `importNow`, `load`, `module`).

pub(crate) mod descriptor;
pub(crate) mod host;
pub(crate) mod methods;
pub(crate) mod source;
pub(crate) mod virtual_source;

use std::{
    cell::{Cell, RefCell},
    future::Future,
    pin::Pin,
    rc::Rc,
};

use boa_engine::{
    Context, JsError, JsNativeError, JsObject, JsResult, JsString, JsValue, Module, js_string,
    module::{ModuleLoader, ModuleRequest, Referrer},
    object::builtins::JsPromise,
};
use boa_gc::{Finalize, Gc, Trace};

use crate::{
    commons::WeakIndex,
    jobs::{self, SettledSlot},
    ownership::Owners,
    record::{CompartmentRecord, DeferredNamespace, Memo, MemoKey, ModuleInfo},
};

/// How a load may wait.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum LoadMode {
    /// `importNow`: everything is loaded on the spot, from `importNowHook` and descriptors;
    /// no promise job runs, and a load that would have to wait fails.
    Now,
    /// Every other load: hooks' promises are awaited.
    Async,
}

/// A boxed future borrowing the context for the duration of a load.
pub(crate) type Loading<'a, T> = Pin<Box<dyn Future<Output = JsResult<T>> + 'a>>;

/// The context as Boa's async module machinery lends it.
pub(crate) type Cx<'a, 'b> = &'a RefCell<&'b mut Context>;

/// The engine's index of module instances (and deferred namespaces), weak: each compartment
/// record holds its own, so a dropped compartment's modules are collected with it.
#[derive(Default)]
pub(crate) struct ModuleTable {
    deferred: WeakIndex<DeferredNamespace>,
    /// `(f) => f()`, in whose frame module steps run (see `methods::link_and_evaluate`).
    frame: std::cell::OnceCell<JsObject>,
    /// `ModuleSource.prototype`, for module sources the host makes.
    pub(crate) source_prototype: std::cell::OnceCell<JsObject>,
    /// Whether `import()` leaves namespaces unboxed for compartments that do not say
    /// (`__noNamespaceBox__`); boxed unless the host says otherwise.
    pub(crate) unboxed_by_default: Cell<bool>,
}

/// Keeps the module table reachable from the context's host data. It holds nothing strongly
/// but the engine-wide frame function.
#[derive(Trace, Finalize)]
pub(crate) struct ModuleTableHandle(#[unsafe_ignore_trace] pub(crate) Rc<ModuleTable>);

impl ModuleTable {
    pub(crate) fn get(context: &Context) -> Rc<Self> {
        context
            .get_data::<ModuleTableHandle>()
            .map(|handle| handle.0.clone())
            .expect("the module table is installed when the engine is built")
    }

    /// Takes in a module the engine just made, before any of it runs: its owner holds it, the
    /// table finds it. A module is taken in once (ownership never changes).
    pub(crate) fn insert(&self, info: ModuleInfo, context: &Context) -> JsResult<()> {
        let info = Owners::register_module(context, info)?;
        info.owner.modules.instances.borrow_mut().push(info.clone());
        Ok(())
    }

    /// Forgets the modules and deferred namespaces that were collected.
    pub(crate) fn prune(&self) {
        self.deferred.prune();
    }

    pub(crate) fn add_deferred(&self, deferred: &Gc<DeferredNamespace>) {
        self.deferred.insert(deferred);
    }

    /// A JavaScript function that calls its argument: a frame for native steps to run in.
    pub(crate) fn frame(&self, context: &mut Context) -> JsResult<JsObject> {
        if let Some(frame) = self.frame.get() {
            return Ok(frame.clone());
        }
        let script = crate::parse::guarded(
            crate::parse::Text::Utf8(crate::boa::module_frame::FRAME_SOURCE),
            |room| crate::parse::compile_script(room, context, |_, _| {}),
        )?;
        let frame = script.evaluate(context)?.as_object().ok_or_else(|| {
            JsNativeError::typ().with_message("the module frame is not a function")
        })?;
        Ok(self.frame.get_or_init(|| frame).clone())
    }

    /// The proxy target of a deferred namespace.
    pub(crate) fn deferred(&self, proxy: &JsObject) -> Option<JsObject> {
        Some(self.deferred.get(proxy)?.target.clone())
    }

    /// The module whose namespace object is `namespace`, among those whose graph has loaded.
    pub(crate) fn module_of_namespace(
        &self,
        namespace: &JsObject,
        context: &mut Context,
    ) -> Option<Module> {
        let loaded: Vec<Gc<ModuleInfo>> = Owners::modules(context)
            .into_iter()
            .filter(|info| info.loaded.get())
            .collect();
        let handed_out = loaded.iter().find(|info| {
            info.namespace
                .borrow()
                .as_ref()
                .is_some_and(|known| JsObject::equals(known, namespace))
        });
        if let Some(info) = handed_out {
            return Some(info.module.clone());
        }
        // A namespace guest code made (`import * as ns`): Boa has no way back to its module
        // but to ask each module for its namespace, which makes the ones that had none, and
        // Boa 0.22 never frees a namespace it made (see `docs/security.md`).
        loaded
            .into_iter()
            .find(|info| JsObject::equals(&self.namespace(&info.module, context), namespace))
            .map(|info| info.module.clone())
    }

    /// The namespace of `module` (made by Boa on first request), remembered so that a
    /// `{namespace}` descriptor naming it finds its module without making any other.
    pub(crate) fn namespace(&self, module: &Module, context: &mut Context) -> JsObject {
        let namespace = module.namespace(context);
        if let Some(info) = Owners::module_info(context, module) {
            info.namespace.borrow_mut().get_or_insert(namespace.clone());
        }
        namespace
    }

    /// Marks `root` and everything it was seen to import as loaded.
    pub(crate) fn mark_loaded(&self, root: &Module, context: &Context) {
        self.mark(root, context, |info| &info.loaded);
    }

    /// Marks `root` and everything it was seen to import as evaluated.
    pub(crate) fn mark_evaluated(&self, root: &Module, context: &Context) {
        self.mark(root, context, |info| &info.evaluated);
    }

    fn mark(&self, root: &Module, context: &Context, flag: impl Fn(&ModuleInfo) -> &Cell<bool>) {
        let mut stack = vec![root.clone()];
        while let Some(module) = stack.pop() {
            let Some(info) = Owners::module_info(context, &module) else {
                continue;
            };
            if flag(&info).replace(true) {
                continue;
            }
            stack.extend(info.dependencies.borrow().iter().cloned());
        }
    }

    /// What the engine knows of `root` and every module it was seen to import statically.
    fn graph(&self, root: &Module, context: &Context) -> Vec<Gc<ModuleInfo>> {
        let mut seen = std::collections::HashSet::new();
        let mut stack = vec![root.clone()];
        let mut graph = Vec::new();
        while let Some(module) = stack.pop() {
            if !seen.insert(module.clone()) {
                continue;
            }
            let Some(info) = Owners::module_info(context, &module) else {
                continue;
            };
            stack.extend(info.dependencies.borrow().iter().cloned());
            graph.push(info);
        }
        graph
    }

    /// Every load failure recorded in the graph below `root`.
    pub(crate) fn failures_below(&self, root: &Module, context: &Context) -> Vec<JsError> {
        self.graph(root, context)
            .iter()
            .flat_map(|info| {
                let failures = info.failures.borrow();
                failures
                    .iter()
                    .map(|(_, error)| error.clone())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// Whether any module in the graph below `root` that has not run has a top-level `await`.
    pub(crate) fn graph_awaits(&self, root: &Module, context: &mut Context) -> JsResult<bool> {
        for info in self.graph(root, context) {
            if !info.evaluated.get()
                && let Some(text) = &info.text
                && text.may_await()
                && text.facts(context.interner_mut())?.top_level_await
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Refuses to link `root` while a module of its graph may be evaluating. Boa asserts that it
    /// never links a module whose evaluation is in progress, and guest code run by that
    /// evaluation (a module's top-level code calling `importNow`, directly or from a module
    /// that `import()` is running) could ask for exactly that. A module evaluating has its
    /// top-level frame (`<main>`, whose source path is its specifier) on the stack, or belongs
    /// to a cycle with a module that has; a cycle lies inside `root`'s graph whole. A module of
    /// another compartment with the same specifier can make this refuse needlessly, never
    /// wrongly allow.
    pub(crate) fn ensure_not_evaluating(&self, root: &Module, context: &Context) -> JsResult<()> {
        // Boa does not export its source-path type; its display of a module's path is the path.
        let running: Vec<String> = context
            .stack_trace()
            .filter(|frame| frame.code_block().name() == &js_string!("<main>"))
            .map(|frame| frame.code_block().path().to_string())
            .collect();
        if running.is_empty() {
            return Ok(());
        }
        for info in self.graph(root, context) {
            let specifier = info.specifier.to_std_string_escaped();
            if running.contains(&specifier) {
                return Err(JsNativeError::typ()
                    .with_message(format!(
                        "module \"{specifier}\" is being evaluated; it cannot be imported \
                         synchronously from its own evaluation (use import())"
                    ))
                    .into());
            }
        }
        Ok(())
    }
}

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
            obtain(record.clone(), specifier, language, mode, context).await
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
            return slot.wait().await;
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
        slot.wait().await
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
