//! The host's options for a new compartment, turned into the same spec the JavaScript
//! `Compartment` constructor reads.

use std::rc::Rc;

use boa_engine::{Context, JsResult, JsString, JsValue, NativeFunction};

use super::CompartmentSpec;
use crate::{
    module::host::{self, ImportFn, ModuleDescriptor, ModuleDirectory, ResolveFn},
    record::Compartment,
};

/// What to endow a new compartment with.
///
/// ```
/// use boa_engine::{JsValue, NativeFunction};
/// use hardened::{CompartmentOptions, Engine};
///
/// let mut engine = Engine::new()?;
/// let add = NativeFunction::from_fn_ptr(|_, args, context| {
///     let a = args.first().cloned().unwrap_or_default().to_number(context)?;
///     let b = args.get(1).cloned().unwrap_or_default().to_number(context)?;
///     Ok(JsValue::from(a + b))
/// });
/// let options = CompartmentOptions::new()
///     .name("calculator")
///     .function("add", 2, add)
///     .lexical("VERSION", 3, false);
/// let calculator = engine.new_compartment(options)?;
/// assert_eq!(engine.evaluate::<f64>(&calculator, "add(VERSION, 4)")?, 7.0);
/// // Global lexicals are visible to code but are not properties of globalThis.
/// assert!(engine.evaluate::<bool>(&calculator, "!('VERSION' in globalThis)")?);
/// # Ok::<(), hardened::Error>(())
/// ```
#[derive(Default, Clone)]
pub struct CompartmentOptions {
    name: Option<String>,
    globals: Vec<(String, Endowment)>,
    lexicals: Vec<(String, Endowment, bool)>,
    modules: Vec<(String, ModuleDescriptor)>,
    resolve_hook: Option<Rc<ResolveFn>>,
    import_hook: Option<Rc<ImportFn>>,
    import_now_hook: Option<Rc<ImportFn>>,
    directory: Option<ModuleDirectory>,
}

#[derive(Clone)]
enum Endowment {
    Value(JsValue),
    /// A host function and its `length`; it contains its own panics (`crate::host_panic`).
    Function(usize, NativeFunction),
}

impl CompartmentOptions {
    /// No name, no endowments.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The compartment's name, shown by `compartment.name` and in messages.
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The compartments its module map aliases.
    pub(crate) fn aliased(&self) -> impl Iterator<Item = &Compartment> {
        self.modules
            .iter()
            .filter_map(|(_, descriptor)| match descriptor {
                ModuleDescriptor::Alias { compartment, .. } => Some(compartment),
                _ => None,
            })
    }

    /// Endows a global property (writable, enumerable, configurable, like SES endowments).
    #[must_use]
    pub fn global(mut self, name: impl Into<String>, value: impl Into<JsValue>) -> Self {
        self.globals
            .push((name.into(), Endowment::Value(value.into())));
        self
    }

    /// Endows a global function made from a Rust closure, with typed arguments and result.
    /// The closure gets a [`Caller`](crate::Caller) (to call guest callbacks, convert values,
    /// reach host state the engine keeps) and its arguments as a tuple of
    /// [`FromJs`](crate::FromJs) types; it returns an [`IntoJs`](crate::IntoJs) value or a
    /// [`HostError`](crate::HostError), which guest code can catch. It must be `Send` (keep
    /// other state with [`Engine::set_data`](crate::Engine::set_data)).
    ///
    /// ```
    /// use std::sync::{Arc, Mutex};
    /// use hardened::{Caller, CompartmentOptions, Engine, HostError};
    ///
    /// let seen = Arc::new(Mutex::new(Vec::new()));
    /// let log = seen.clone();
    /// let options = CompartmentOptions::new()
    ///     .host_fn("log", move |_: &mut Caller<'_>, (message,): (String,)| {
    ///         log.lock().unwrap().push(message);
    ///         Ok(())
    ///     })
    ///     .host_fn("add", |_: &mut Caller<'_>, (a, b): (f64, f64)| Ok(a + b))
    ///     .host_fn("twice", |caller: &mut Caller<'_>, (f,): (hardened::boa_engine::JsValue,)| {
    ///         let once: f64 = caller.call(&f, &[])?.as_number().ok_or_else(|| HostError::type_error("not a number"))?;
    ///         Ok(once * 2.0)
    ///     });
    /// let mut engine = Engine::new()?;
    /// let guest = engine.new_compartment(options)?;
    /// engine.evaluate::<()>(&guest, "log('hi ' + add(1, 2))")?;
    /// assert_eq!(*seen.lock().unwrap(), ["hi 3"]);
    /// assert_eq!(engine.evaluate::<f64>(&guest, "twice(() => 21)")?, 42.0);
    /// assert_eq!(engine.evaluate::<i32>(&guest, "add.length")?, 2);
    /// # Ok::<(), hardened::Error>(())
    /// ```
    #[must_use]
    pub fn host_fn<F, A, R>(mut self, name: impl Into<String>, function: F) -> Self
    where
        F: Fn(&mut crate::host_fn::Caller<'_>, A) -> Result<R, crate::host_fn::HostError>
            + Send
            + 'static,
        A: crate::host_fn::FromArgs,
        R: crate::host_fn::IntoJs,
    {
        let (length, native) = crate::host_fn::native(function);
        self.globals
            .push((name.into(), Endowment::Function(length, native)));
        self
    }

    /// Endows a global function implemented as a raw Boa native (see
    /// [`CompartmentOptions::host_fn`] for Rust closures with typed arguments).
    #[must_use]
    pub fn function(
        mut self,
        name: impl Into<String>,
        length: usize,
        function: NativeFunction,
    ) -> Self {
        let contained = NativeFunction::from_copy_closure_with_captures(
            |this, args, host: &NativeFunction, context| {
                crate::host_panic::contain(context, |context| host.call(this, args, context))
            },
            function,
        );
        self.globals
            .push((name.into(), Endowment::Function(length, contained)));
        self
    }

    /// Adds a global lexical binding (XS `globalLexicals`): visible to the compartment's code as
    /// a `let` (`mutable`) or `const`, but not a property of its `globalThis`.
    #[must_use]
    pub fn lexical(
        mut self,
        name: impl Into<String>,
        value: impl Into<JsValue>,
        mutable: bool,
    ) -> Self {
        self.lexicals
            .push((name.into(), Endowment::Value(value.into()), mutable));
        self
    }

    /// Adds a module to the compartment's module map.
    #[must_use]
    pub fn module(mut self, specifier: impl Into<String>, descriptor: ModuleDescriptor) -> Self {
        self.modules.push((specifier.into(), descriptor));
        self
    }

    /// Resolves import specifiers: `(specifier, referrer specifier) → full specifier`; an `Err`
    /// message becomes a `TypeError` for the importing code.
    #[must_use]
    pub fn resolve_hook(
        mut self,
        hook: impl Fn(&str, &str) -> std::result::Result<String, String> + 'static,
    ) -> Self {
        self.resolve_hook = Some(Rc::new(hook));
        self
    }

    /// Supplies modules missing from the map to `import()` and `compartment.import()`. The hook
    /// may return a [`ModuleDescriptor::Value`] holding a promise of a descriptor.
    #[must_use]
    pub fn import_hook(
        mut self,
        hook: impl Fn(&str, &mut Context) -> boa_engine::JsResult<Option<ModuleDescriptor>> + 'static,
    ) -> Self {
        self.import_hook = Some(Rc::new(hook));
        self
    }

    /// Supplies modules missing from the map to `importNow()` (synchronously).
    #[must_use]
    pub fn import_now_hook(
        mut self,
        hook: impl Fn(&str, &mut Context) -> boa_engine::JsResult<Option<ModuleDescriptor>> + 'static,
    ) -> Self {
        self.import_now_hook = Some(Rc::new(hook));
        self
    }

    /// Serves modules from the files under one directory (and nowhere else): installs the
    /// resolve and import hooks of [`ModuleDirectory`].
    #[must_use]
    pub fn module_directory(mut self, directory: ModuleDirectory) -> Self {
        self.directory = Some(directory);
        self
    }

    /// These options, named `name` unless they have a name.
    pub(crate) fn named_or(self, name: &str) -> Self {
        if self.name.is_some() {
            self
        } else {
            self.name(name)
        }
    }

    pub(crate) fn into_spec(self, context: &mut Context) -> JsResult<CompartmentSpec> {
        let realize = |name: &str, endowment: Endowment| match endowment {
            Endowment::Value(value) => value,
            Endowment::Function(length, function) => {
                crate::commons::native(context, name, length, function).into()
            }
        };
        let mut spec = CompartmentSpec::default();
        if let Some(name) = &self.name {
            spec.name = JsString::from(name.as_str());
        }
        for (name, endowment) in self.globals {
            let value = realize(&name, endowment);
            spec.globals
                .push((JsString::from(name.as_str()).into(), value));
        }
        for (name, endowment, mutable) in self.lexicals {
            let value = realize(&name, endowment);
            spec.lexicals
                .push((JsString::from(name.as_str()), value, mutable));
        }
        for (specifier, descriptor) in self.modules {
            let descriptor = descriptor.to_js(context)?;
            spec.modules
                .map
                .push((JsString::from(specifier.as_str()), descriptor));
        }
        if let Some(directory) = &self.directory {
            let [resolve, import, import_now] = directory.hooks(context);
            spec.modules.resolve_hook = Some(resolve);
            spec.modules.import_hook = Some(import);
            spec.modules.import_now_hook = Some(import_now);
        }
        if let Some(hook) = self.resolve_hook {
            spec.modules.resolve_hook = Some(host::resolve_hook(hook, context));
        }
        if let Some(hook) = self.import_hook {
            spec.modules.import_hook = Some(host::import_hook(hook, "importHook", context));
        }
        if let Some(hook) = self.import_now_hook {
            spec.modules.import_now_hook = Some(host::import_hook(hook, "importNowHook", context));
        }
        Ok(spec)
    }
}
