//! Modules: every compartment has its own module map, and every module instance is a native Boa
//! module owned by the compartment that instantiated it.
//!
//! All module records live in the one realm. The engine's [`Loader`] is Boa's module loader: it
//! finds the compartment behind each request from its referrer (the ownership registry knows
//! modules and scripts alike) and answers from that compartment's memo, `modules` map,
//! `moduleMapHook`, and `importHook`/`importNowHook`, in that order (the SES shim's order).
//! Module code resolves free names through the same dispatch as scripts, keyed by the running
//! module, so it sees its own compartment's globals.
//!
//! Units: `loader` (Boa's module loader, resolution, the memo and hook lookup), [`source`]
//! (`ModuleSource`), [`descriptor`] (module descriptors into module instances),
//! [`virtual_source`] (virtual module sources and namespaces), [`methods`] (`import`,
//! `importNow`, `load`, `module`, deferred namespaces); this file holds the module table (graph
//! walks over module records, the module frame). Module state is in `crate::record`.

pub(crate) mod descriptor;
pub(crate) mod host;
mod loader;
pub(crate) mod methods;
pub(crate) mod source;
pub(crate) mod virtual_source;

pub(crate) use loader::{Loader, obtain, resolve, source_of};

use std::{
    cell::{Cell, RefCell},
    future::Future,
    pin::Pin,
    rc::Rc,
};

use boa_engine::{Context, JsError, JsNativeError, JsObject, JsResult, Module, js_string};
use boa_gc::{Finalize, Gc, Trace};

use crate::{
    commons::WeakIndex,
    ownership::Owners,
    record::{DeferredNamespace, ModuleInfo},
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
            |room| {
                let path = crate::location::internal_path(context);
                crate::parse::compile_script(room, &path, context, |_, _| {})
            },
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

    /// What the engine knows of `root` and every module it was seen to import statically. A
    /// module whose record is gone (its compartment was collected while another compartment
    /// still held the module) fails the whole graph: nothing can be checked about it, so no
    /// step that depends on a check may run on it.
    fn graph(&self, root: &Module, context: &Context) -> JsResult<Vec<Gc<ModuleInfo>>> {
        let mut seen = std::collections::HashSet::new();
        let mut stack = vec![root.clone()];
        let mut graph = Vec::new();
        while let Some(module) = stack.pop() {
            if !seen.insert(module.clone()) {
                continue;
            }
            let info = Owners::module_info(context, &module).ok_or_else(|| {
                JsNativeError::typ()
                    .with_message("a module of this graph belongs to a compartment that is gone")
            })?;
            stack.extend(info.dependencies.borrow().iter().cloned());
            graph.push(info);
        }
        Ok(graph)
    }

    /// Every load failure recorded in the graph below `root`.
    pub(crate) fn failures_below(&self, root: &Module, context: &Context) -> Vec<JsError> {
        self.graph(root, context)
            .unwrap_or_default()
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
        for info in self.graph(root, context)? {
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
    /// top-level frame (`<main>`, whose source path names its specifier) on the stack, or belongs
    /// to a cycle with a module that has; a cycle lies inside `root`'s graph whole. A module of
    /// another compartment with the same specifier can make this refuse needlessly, never
    /// wrongly allow.
    pub(crate) fn ensure_not_evaluating(&self, root: &Module, context: &Context) -> JsResult<()> {
        let graph = self.graph(root, context)?;
        // Boa does not export its source-path type; its display of a module's path is the path.
        let running: Vec<String> = context
            .stack_trace()
            .filter(|frame| frame.code_block().name() == &js_string!("<main>"))
            .map(|frame| frame.code_block().path().to_string())
            .collect();
        if running.is_empty() {
            return Ok(());
        }
        for info in graph {
            let specifier = info.specifier.to_std_string_escaped();
            // The path names the specifier as `crate::parse::module` gave it (two specifiers
            // that differ only in the path's marks share one: a needless refusal at worst).
            let path =
                crate::location::path(context, &specifier, crate::location::Shift::default());
            if running.contains(&path.display().to_string()) {
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
