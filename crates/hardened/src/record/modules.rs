//! A compartment's module state as data: its module options, its memo of instances, the
//! sources and deferred namespaces it handed out, and what the engine knows of each module
//! instance it made (see `crate::module` for the loader that fills them).

use std::{cell::Cell, collections::HashMap, rc::Rc};

use boa_engine::{JsError, JsObject, JsString, JsValue, Module};
use boa_gc::{Finalize, Gc, GcRefCell, Trace};

use super::CompartmentRecord;
use crate::{
    commons::Keyed,
    jobs::SettledSlot,
    parse::module_text::{Language, ModuleText},
};

/// A compartment's module options, read at construction.
#[derive(Clone, Default, Trace, Finalize)]
pub(crate) struct ModuleOptions {
    /// The `modules` map: specifier → descriptor, captured once (getters ran then).
    pub(crate) map: Vec<(JsString, JsValue)>,
    pub(crate) resolve_hook: Option<JsObject>,
    pub(crate) import_hook: Option<JsObject>,
    pub(crate) import_now_hook: Option<JsObject>,
    pub(crate) module_map_hook: Option<JsObject>,
    pub(crate) import_meta_hook: Option<JsObject>,
    #[unsafe_ignore_trace]
    pub(crate) no_namespace_box: Option<bool>,
    #[unsafe_ignore_trace]
    pub(crate) no_aggregate_load_errors: bool,
}

/// A compartment's module state.
#[derive(Default, Trace, Finalize)]
pub(crate) struct CompartmentModules {
    pub(crate) options: ModuleOptions,
    /// Full specifier and import type → the instance, or the load producing it.
    pub(crate) memo: GcRefCell<HashMap<MemoKey, Memo>>,
    /// Specifier → module source, for children's `{source: specifier}` descriptors.
    pub(crate) sources: GcRefCell<HashMap<JsString, JsValue>>,
    /// Specifier → the deferred namespace `module()` returned.
    pub(crate) deferred: GcRefCell<HashMap<JsString, Gc<DeferredNamespace>>>,
    /// Every module instance made for this compartment, with what the engine knows of it. The
    /// compartment holds them, so they are collected with it; the module table only indexes
    /// them weakly.
    pub(crate) instances: GcRefCell<Vec<Gc<ModuleInfo>>>,
}

/// A deferred namespace from `module()` and the proxy target that says what it stands for.
#[derive(Trace, Finalize)]
pub(crate) struct DeferredNamespace {
    pub(crate) proxy: JsObject,
    pub(crate) target: JsObject,
}

impl Keyed for DeferredNamespace {
    type Key = JsObject;
    fn key(&self) -> &JsObject {
        &self.proxy
    }
}

/// A memo key: a full specifier and the type it is imported as, kept apart so that no specifier
/// text can name another type's entry.
#[derive(Clone, PartialEq, Eq, Hash, Trace, Finalize)]
pub(crate) struct MemoKey {
    specifier: JsString,
    #[unsafe_ignore_trace]
    language: Language,
}

impl MemoKey {
    pub(crate) fn new(specifier: JsString, language: Language) -> Self {
        Self {
            specifier,
            language,
        }
    }
}

#[derive(Trace, Finalize)]
pub(crate) enum Memo {
    Loaded(Module),
    Loading(Gc<SettledSlot<Module>>),
}

impl CompartmentModules {
    pub(crate) fn new(options: ModuleOptions) -> Self {
        Self {
            options,
            memo: GcRefCell::default(),
            sources: GcRefCell::default(),
            deferred: GcRefCell::default(),
            instances: GcRefCell::default(),
        }
    }

    /// Records `module` as the JavaScript instance for `specifier` (replacing any earlier one).
    pub(crate) fn define(&self, specifier: JsString, module: Module) {
        self.memo.borrow_mut().insert(
            MemoKey::new(specifier, Language::JavaScript),
            Memo::Loaded(module),
        );
    }

    /// The loaded instance for `key`, if any.
    pub(crate) fn loaded(&self, key: &MemoKey) -> Option<Module> {
        match self.memo.borrow().get(key) {
            Some(Memo::Loaded(module)) => Some(module.clone()),
            _ => None,
        }
    }
}

/// What the engine knows of a module instance.
#[derive(Trace, Finalize)]
pub(crate) struct ModuleInfo {
    pub(crate) module: Module,
    /// The compartment that made it: the owner of its code.
    pub(crate) owner: Gc<CompartmentRecord>,
    /// The specifier its imports are resolved against.
    #[unsafe_ignore_trace]
    pub(crate) specifier: JsString,
    /// The instances its imports resolved to, as the loader answered them.
    pub(crate) dependencies: GcRefCell<Vec<Module>>,
    /// The latest load failure of each of its imports (by import specifier), kept for the
    /// aggregated load error; a later success of the same import clears it.
    pub(crate) failures: GcRefCell<Vec<(JsString, JsError)>>,
    /// Its text, when it was parsed from one.
    #[unsafe_ignore_trace]
    pub(crate) text: Option<Rc<ModuleText>>,
    /// Properties prepared for its `import.meta` (descriptor `importMeta`, `importMetaHook`).
    pub(crate) import_meta: Option<JsObject>,
    /// The private helper module a virtual module source imports, until Boa's load of the
    /// source's graph takes it: handed out once, to that static import, so no later request
    /// (the source's own `Import`) can name it.
    pub(crate) helper: GcRefCell<Option<Module>>,
    /// Its namespace, once the engine has handed it out.
    pub(crate) namespace: GcRefCell<Option<JsObject>>,

    /// Whether the whole graph below it has been loaded (so its namespace may be made).
    #[unsafe_ignore_trace]
    pub(crate) loaded: Cell<bool>,
    /// Whether it has been seen to finish evaluating.
    #[unsafe_ignore_trace]
    pub(crate) evaluated: Cell<bool>,
}

impl Keyed for ModuleInfo {
    type Key = Module;
    fn key(&self) -> &Module {
        &self.module
    }
}

impl ModuleInfo {
    pub(crate) fn new(module: Module, owner: Gc<CompartmentRecord>, specifier: JsString) -> Self {
        Self {
            module,
            owner,
            specifier,
            dependencies: GcRefCell::new(Vec::new()),
            failures: GcRefCell::new(Vec::new()),
            text: None,
            import_meta: None,
            helper: GcRefCell::new(None),
            namespace: GcRefCell::new(None),

            loaded: Cell::new(false),
            evaluated: Cell::new(false),
        }
    }
}
