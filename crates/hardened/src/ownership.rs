//! The ownership registry: which compartment owns each piece of code. It is the one place an
//! owner is recorded or looked up, for scripts and modules alike; global-name dispatch, the
//! module loader and `import()` all ask it.
//!
//! Ownership is a property of the code, recorded when the code is made and before any of it
//! runs: a script's code block when [`crate::parse::compile_script`] compiles it, a module when
//! the module table takes it in. Boa gives code that has no `[[ScriptOrModule]]` its caller's,
//! so the registry never guesses: code it does not know, and code whose compartment is gone,
//! get an error (fail closed).

use std::cell::RefCell;

use boa_engine::{
    Context, JsNativeError, JsResult, Module,
    module::Referrer,
    vm::{ActiveRunnable, CodeBlock},
};
use boa_gc::{Gc, WeakMap};

use crate::{
    commons::WeakIndex,
    record::{ModuleInfo, Owner},
};

/// A piece of code whose owner is asked for.
#[derive(Clone)]
pub(crate) enum Code {
    Script(Gc<CodeBlock>),
    Module(Module),
}

impl Code {
    fn same(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Script(a), Self::Script(b)) => Gc::ptr_eq(a, b),
            (Self::Module(a), Self::Module(b)) => a == b,
            _ => false,
        }
    }
}

/// The registry, kept in the context's host data. Modules' owners are in what the module table
/// indexes (each compartment holds its modules' records, so they are collected with it).
pub(crate) struct Owners {
    /// Script code blocks → owner. An entry dies with its code block; the owner it holds keeps
    /// the compartment alive exactly as long as code of the compartment can run.
    scripts: RefCell<WeakMap<CodeBlock, Owner>>,
    /// Module instances' records (each held by the compartment that made the module): the
    /// owner of a module's code is in its record.
    modules: WeakIndex<ModuleInfo>,
    /// The last answer, held strongly so its code cannot be collected (and its address
    /// reused) while cached. Every global lookup asks, usually for the same code.
    last: RefCell<Option<(Code, Owner)>>,
}

impl Owners {
    pub(crate) fn install(context: &mut Context) {
        context.insert_data(Self {
            scripts: RefCell::new(WeakMap::new()),
            modules: WeakIndex::default(),
            last: RefCell::new(None),
        });
    }

    fn get(context: &Context) -> &Self {
        context
            .get_data::<Self>()
            .expect("the ownership registry is installed when the engine is built")
    }

    /// Records that code compiled into `script_code` belongs to `owner`.
    pub(crate) fn register_script(context: &Context, script_code: &Gc<CodeBlock>, owner: Owner) {
        Self::get(context)
            .scripts
            .borrow_mut()
            .insert(script_code, owner);
    }

    /// Records a module the engine just made, before any of it runs. A module is registered
    /// once (ownership never changes). Callers pass only modules they have just created
    /// (parsed or synthetic): the index forgets a module whose record was collected, so it
    /// could not refuse a second registration of such a module.
    pub(crate) fn register_module(context: &Context, info: ModuleInfo) -> JsResult<Gc<ModuleInfo>> {
        let modules = &Self::get(context).modules;
        if modules.get(&info.module).is_some() {
            return Err(JsNativeError::typ()
                .with_message("a module instance cannot change its compartment")
                .into());
        }
        let info = Gc::new(info);
        modules.insert(&info);
        Ok(info)
    }

    /// The record of `module`, while its compartment lives.
    pub(crate) fn module_info(context: &Context, module: &Module) -> Option<Gc<ModuleInfo>> {
        Self::get(context).modules.get(module)
    }

    /// The records of every live module.
    pub(crate) fn modules(context: &Context) -> Vec<Gc<ModuleInfo>> {
        Self::get(context).modules.values()
    }

    /// Forgets modules that were collected.
    pub(crate) fn prune(context: &Context) {
        Self::get(context).modules.prune();
    }

    /// Drops the cached last answer, so that its code and compartment can be collected.
    pub(crate) fn forget_cached(context: &Context) {
        Self::get(context).last.borrow_mut().take();
    }

    /// The owner of the running code.
    pub(crate) fn of_running(context: &mut Context) -> JsResult<Owner> {
        let code = match context.get_active_script_or_module() {
            Some(ActiveRunnable::Script(script)) => Code::Script(script.codeblock(context)?),
            Some(ActiveRunnable::Module(module)) => Code::Module(module),
            None => {
                return Err(JsNativeError::reference()
                    .with_message("no compartment code is running")
                    .into());
            }
        };
        Self::of(context, code)
    }

    /// The owner of the code that asked Boa's module loader for a module.
    pub(crate) fn of_referrer(context: &mut Context, referrer: &Referrer) -> JsResult<Owner> {
        let code = match referrer {
            Referrer::Script(script) => Code::Script(script.codeblock(context)?),
            Referrer::Module(module) => Code::Module(module.clone()),
            Referrer::Realm(_) => {
                return Err(JsNativeError::typ()
                    .with_message("import() is only available to compartment code")
                    .into());
            }
        };
        Self::of(context, code)
    }

    /// The owner of `code`; unknown code and code of a compartment that is gone fail closed.
    pub(crate) fn of(context: &Context, code: Code) -> JsResult<Owner> {
        let this = Self::get(context);
        if let Some((cached, owner)) = &*this.last.borrow()
            && cached.same(&code)
        {
            return Ok(owner.clone());
        }
        let owner = match &code {
            Code::Script(block) => this
                .scripts
                .borrow()
                .get(block)
                .and_then(|entry| entry.value().map(|owner| owner.clone())),
            Code::Module(module) => this.modules.get(module).map(|info| Owner {
                compartment: info.owner.clone(),
                sloppy_globals: false,
            }),
        }
        .ok_or_else(|| {
            JsNativeError::reference().with_message("running code is not owned by any compartment")
        })?;
        *this.last.borrow_mut() = Some((code, owner.clone()));
        Ok(owner)
    }
}
