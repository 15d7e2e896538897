//! The host's options for a new compartment, turned into the same spec the JavaScript
//! `Compartment` constructor reads.

use std::rc::Rc;

use boa_engine::{Context, JsObject, JsResult, JsString, JsValue, NativeFunction};

use super::CompartmentSpec;
use crate::{
    host_fn::{Caller, HostError, IntoJs},
    module::host::{ModuleDescriptor, ModuleDirectory},
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
    hooks: Hooks,
    transforms: Vec<HostFunction>,
    directory: Option<ModuleDirectory>,
    no_aggregate_load_errors: bool,
    namespace_box: Option<bool>,
}

/// A host closure as a native function (`crate::host_fn::native`) and its `length`; it
/// contains its own panics.
type HostFunction = (usize, NativeFunction);

/// The module hooks written in Rust, each made a JavaScript function when the compartment is
/// built, so that Rust and JavaScript hooks take one path through the loader.
#[derive(Default, Clone)]
struct Hooks {
    resolve: Option<HostFunction>,
    import: Option<HostFunction>,
    import_now: Option<HostFunction>,
    module_map: Option<HostFunction>,
    import_meta: Option<HostFunction>,
}

#[derive(Clone)]
enum Endowment {
    /// A value, made in the engine when the compartment is built.
    Value(Rc<MakeValue>),
    /// A host function; it contains its own panics (`crate::host_panic`).
    Function(HostFunction),
}

/// Makes an endowed value in the engine.
type MakeValue = dyn Fn(&mut Context) -> JsResult<JsValue>;

impl Endowment {
    fn value<V: IntoJs + Clone + 'static>(value: V) -> Self {
        Self::Value(Rc::new(move |context| value.clone().into_js(context)))
    }
}

/// An object of host functions to endow a compartment with
/// ([`CompartmentOptions::host_object`]): a capability made of several operations, such as
/// `kv.get(key)`, `kv.set(key, value)` and `kv.keys()`.
///
/// Each function is a Rust closure with typed arguments and result, exactly as
/// [`CompartmentOptions::host_fn`] takes (a [`Caller`], a tuple of
/// [`FromJs`](crate::FromJs) arguments, an [`IntoJs`] result or a [`HostError`]; `Send`,
/// with other state kept in the engine, [`Engine::set_data`](crate::Engine::set_data)), and
/// contains its own panics.
///
/// What the guest gets, in each compartment built from the options, is a new ordinary object
/// (inheriting `Object.prototype`) whose functions are enumerable properties, in the order they
/// were added, like an object literal's methods. The object and its functions are frozen
/// before the guest sees them: the guest cannot replace a method, add one, or stash state on
/// the capability for another holder to find. After [`Engine::lockdown`](crate::Engine::lockdown),
/// which freezes the prototypes they inherit from, they are hardened (SES `harden` would change
/// nothing). A name added twice keeps its first place and its last function.
#[derive(Default, Clone)]
pub struct HostObject {
    functions: Vec<(String, HostFunction)>,
}

impl HostObject {
    /// An object with no functions yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds method `name`, made from a Rust closure as [`CompartmentOptions::host_fn`] makes
    /// a global function (its `length` is the number of arguments it takes).
    #[must_use]
    pub fn function<F, A, R>(mut self, name: impl Into<String>, function: F) -> Self
    where
        F: Fn(&mut Caller<'_>, A) -> Result<R, HostError> + Send + 'static,
        A: crate::host_fn::FromArgs,
        R: IntoJs,
    {
        let name = name.into();
        let function = crate::host_fn::native(function);
        match self.functions.iter_mut().find(|(known, _)| *known == name) {
            Some((_, slot)) => *slot = function,
            None => self.functions.push((name, function)),
        }
        self
    }

    /// The object, made in the engine and frozen with its functions. The functions get their
    /// entry checks when the object is endowed (`compartment::global::populate`), as every
    /// endowment does.
    fn make(&self, context: &mut Context) -> JsResult<JsObject> {
        let object = JsObject::with_object_proto(context.intrinsics());
        for (name, (length, native)) in &self.functions {
            let function = crate::commons::native(context, name, *length, native.clone());
            crate::commons::freeze(&function, context)?;
            object.create_data_property_or_throw(
                JsString::from(name.as_str()),
                function,
                context,
            )?;
        }
        crate::commons::freeze(&object, context)?;
        Ok(object)
    }
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

    /// Endows a global property (writable, enumerable, configurable, like SES endowments):
    /// any [`IntoJs`](crate::IntoJs) value, such as a number, a `&str`, a `Vec` (a new array
    /// for each compartment built from these options) or a value of the engine's.
    #[must_use]
    pub fn global<V: IntoJs + Clone + 'static>(
        mut self,
        name: impl Into<String>,
        value: V,
    ) -> Self {
        self.globals.push((name.into(), Endowment::value(value)));
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
        self.globals.push((
            name.into(),
            Endowment::Function(crate::host_fn::native(function)),
        ));
        self
    }

    /// Endows a global object of host functions (`clock.now()`, `kv.get(key)`): see
    /// [`HostObject`]. Each compartment built from these options gets an object of its own,
    /// frozen, as SES hosts harden what they endow; its functions are [`host_fn`]s (typed
    /// arguments, panics contained) and get the same entry checks as every endowment.
    ///
    /// ```
    /// use hardened::{Caller, CompartmentOptions, Engine, HostObject, LockdownOptions};
    ///
    /// let mut engine = Engine::builder().lockdown(LockdownOptions::default()).build()?;
    /// let guest = engine.new_compartment(CompartmentOptions::new().host_object(
    ///     "units",
    ///     HostObject::new()
    ///         .function("toCm", |_: &mut Caller<'_>, (inches,): (f64,)| Ok(inches * 2.54))
    ///         .function("name", |_: &mut Caller<'_>, (): ()| Ok("metric")),
    /// ))?;
    /// assert_eq!(engine.evaluate::<f64>(&guest, "units.toCm(10)")?, 25.4);
    /// assert_eq!(engine.evaluate::<String>(&guest, "Object.keys(units).join()")?, "toCm,name");
    /// // Frozen: the guest can neither replace a method nor add one.
    /// let replaced = engine.evaluate_value(&guest, "units.toCm = () => 0");
    /// assert!(replaced.unwrap_err().to_string().starts_with("TypeError"));
    /// assert!(engine.evaluate::<bool>(&guest, "Object.isFrozen(units) && Object.isFrozen(units.name)")?);
    /// # Ok::<(), hardened::Error>(())
    /// ```
    ///
    /// [`host_fn`]: CompartmentOptions::host_fn
    #[must_use]
    pub fn host_object(mut self, name: impl Into<String>, object: HostObject) -> Self {
        self.globals.push((
            name.into(),
            Endowment::Value(Rc::new(move |context| object.make(context).map(Into::into))),
        ));
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
            .push((name.into(), Endowment::Function((length, contained))));
        self
    }

    /// Adds a global lexical binding (XS `globalLexicals`): visible to the compartment's code as
    /// a `let` (`mutable`) or `const`, but not a property of its `globalThis`.
    #[must_use]
    pub fn lexical<V: IntoJs + Clone + 'static>(
        mut self,
        name: impl Into<String>,
        value: V,
        mutable: bool,
    ) -> Self {
        self.lexicals
            .push((name.into(), Endowment::value(value), mutable));
        self
    }

    /// Adds a module to the compartment's module map.
    #[must_use]
    pub fn module(mut self, specifier: impl Into<String>, descriptor: ModuleDescriptor) -> Self {
        self.modules.push((specifier.into(), descriptor));
        self
    }

    /// Resolves import specifiers: `(caller, specifier, referrer specifier) → full specifier`
    /// (`resolveHook`). Every hook is a host function: it gets a [`Caller`], must be `Send`
    /// (keep other state with [`Engine::set_data`](crate::Engine::set_data)), and its
    /// [`HostError`] is what the importing code sees.
    #[must_use]
    pub fn resolve_hook<F>(mut self, hook: F) -> Self
    where
        F: Fn(&mut Caller<'_>, &str, &str) -> Result<String, HostError> + Send + 'static,
    {
        self.hooks.resolve = Some(crate::host_fn::native(
            move |caller: &mut Caller<'_>, (specifier, referrer): (String, String)| {
                hook(caller, &specifier, &referrer)
            },
        ));
        self
    }

    /// Supplies modules missing from the map to `import()` and `compartment.import()`
    /// (`importHook`); `None` means there is no such module. The hook may return a
    /// [`ModuleDescriptor::Value`] holding a promise of a descriptor.
    #[must_use]
    pub fn import_hook<F>(mut self, hook: F) -> Self
    where
        F: Fn(&mut Caller<'_>, &str) -> Result<Option<ModuleDescriptor>, HostError>
            + Send
            + 'static,
    {
        self.hooks.import = Some(loader(hook));
        self
    }

    /// Supplies modules missing from the map to `importNow()`, synchronously (`importNowHook`).
    #[must_use]
    pub fn import_now_hook<F>(mut self, hook: F) -> Self
    where
        F: Fn(&mut Caller<'_>, &str) -> Result<Option<ModuleDescriptor>, HostError>
            + Send
            + 'static,
    {
        self.hooks.import_now = Some(loader(hook));
        self
    }

    /// Consulted for a specifier the module map lacks, before the import hooks
    /// (`moduleMapHook`); `None` passes the specifier on to them.
    #[must_use]
    pub fn module_map_hook<F>(mut self, hook: F) -> Self
    where
        F: Fn(&mut Caller<'_>, &str) -> Result<Option<ModuleDescriptor>, HostError>
            + Send
            + 'static,
    {
        self.hooks.module_map = Some(crate::host_fn::native(
            move |caller: &mut Caller<'_>, (specifier,): (String,)| hook(caller, &specifier),
        ));
        self
    }

    /// Adds to each module's `import.meta` (`importMetaHook(specifier, meta)`): called with the
    /// module's full specifier and its `import.meta` object before the module runs.
    ///
    /// ```
    /// use hardened::{Caller, CompartmentOptions, Engine, ModuleDescriptor};
    ///
    /// let mut engine = Engine::new()?;
    /// let app = engine.new_compartment(
    ///     CompartmentOptions::new()
    ///         .module("main", ModuleDescriptor::source("export default import.meta.url;"))
    ///         .import_meta_hook(|caller: &mut Caller<'_>, specifier, meta| {
    ///             caller.set(meta, "url", format!("app:///{specifier}"))
    ///         }),
    /// )?;
    /// let main = engine.import(&app, "main")?;
    /// assert_eq!(engine.get::<String>(&main, "default")?, "app:///main");
    /// # Ok::<(), hardened::Error>(())
    /// ```
    #[must_use]
    pub fn import_meta_hook<F>(mut self, hook: F) -> Self
    where
        F: Fn(&mut Caller<'_>, &str, &JsObject) -> Result<(), HostError> + Send + 'static,
    {
        self.hooks.import_meta = Some(crate::host_fn::native(
            move |caller: &mut Caller<'_>, (specifier, meta): (String, JsObject)| {
                hook(caller, &specifier, &meta)
            },
        ));
        self
    }

    /// Adds a source transform (`transforms`): every script the compartment evaluates passes
    /// through its transforms, in the order they were added, before it is parsed.
    ///
    /// ```
    /// use hardened::{Caller, CompartmentOptions, Engine};
    ///
    /// let mut engine = Engine::new()?;
    /// let guest = engine.new_compartment(
    ///     CompartmentOptions::new()
    ///         .transform(|_: &mut Caller<'_>, source: String| Ok(source.replace("TODAY", "'2026-12-05'"))),
    /// )?;
    /// assert_eq!(engine.evaluate::<String>(&guest, "TODAY")?, "2026-12-05");
    /// # Ok::<(), hardened::Error>(())
    /// ```
    #[must_use]
    pub fn transform<F>(mut self, transform: F) -> Self
    where
        F: Fn(&mut Caller<'_>, String) -> Result<String, HostError> + Send + 'static,
    {
        self.transforms.push(crate::host_fn::native(
            move |caller: &mut Caller<'_>, (source,): (String,)| transform(caller, source),
        ));
        self
    }

    /// Rejects a failed load with its first error instead of an `AggregateError` of all of
    /// them (`noAggregateLoadErrors`).
    #[must_use]
    pub fn no_aggregate_load_errors(mut self, first_error_only: bool) -> Self {
        self.no_aggregate_load_errors = first_error_only;
        self
    }

    /// Whether this compartment's `import()` resolves to `{namespace}` (`true`, SES) or to the
    /// namespace itself (`false`, XS; the JavaScript option `__noNamespaceBox__: true`).
    /// Unset, the engine's default applies ([`EngineBuilder::namespace_box`](crate::EngineBuilder::namespace_box)).
    #[must_use]
    pub fn namespace_box(mut self, boxed: bool) -> Self {
        self.namespace_box = Some(boxed);
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
        let realize = |name: &str, endowment: Endowment, context: &mut Context| match endowment {
            Endowment::Value(make) => make(context),
            Endowment::Function((length, function)) => {
                Ok(crate::commons::native(context, name, length, function).into())
            }
        };
        let mut spec = CompartmentSpec::default();
        if let Some(name) = &self.name {
            spec.name = JsString::from(name.as_str());
        }
        for (name, endowment) in self.globals {
            let value = realize(&name, endowment, context)?;
            spec.globals
                .push((JsString::from(name.as_str()).into(), value));
        }
        for (name, endowment, mutable) in self.lexicals {
            let value = realize(&name, endowment, context)?;
            spec.lexicals
                .push((JsString::from(name.as_str()), value, mutable));
        }
        for (specifier, descriptor) in self.modules {
            let descriptor = descriptor.to_js(context)?;
            spec.modules
                .map
                .push((JsString::from(specifier.as_str()), descriptor));
        }
        let mut hooks = self.hooks;
        if let Some(directory) = self.directory {
            let [resolve, import, import_now] = directory.hooks();
            hooks.resolve = hooks.resolve.or(Some(resolve));
            hooks.import = hooks.import.or(Some(import));
            hooks.import_now = hooks.import_now.or(Some(import_now));
        }
        let make = |name: &str, hook: Option<HostFunction>| {
            hook.map(|(length, native)| crate::commons::native(context, name, length, native))
        };
        let modules = &mut spec.modules;
        modules.resolve_hook = make("resolveHook", hooks.resolve);
        modules.import_hook = make("importHook", hooks.import);
        modules.import_now_hook = make("importNowHook", hooks.import_now);
        modules.module_map_hook = make("moduleMapHook", hooks.module_map);
        modules.import_meta_hook = make("importMetaHook", hooks.import_meta);
        modules.no_aggregate_load_errors = self.no_aggregate_load_errors;
        modules.no_namespace_box = self.namespace_box.map(|boxed| !boxed);
        spec.transforms = self
            .transforms
            .into_iter()
            .map(|(length, native)| crate::commons::native(context, "transform", length, native))
            .collect();
        Ok(spec)
    }
}

/// An `importHook`/`importNowHook` from a Rust hook: `None` is a `TypeError` naming the module.
fn loader<F>(hook: F) -> HostFunction
where
    F: Fn(&mut Caller<'_>, &str) -> Result<Option<ModuleDescriptor>, HostError> + Send + 'static,
{
    crate::host_fn::native(move |caller: &mut Caller<'_>, (specifier,): (String,)| {
        hook(caller, &specifier)?
            .ok_or_else(|| HostError::type_error(format!("module \"{specifier}\" not found")))
    })
}

impl ModuleDirectory {
    /// The `resolveHook`, `importHook` and `importNowHook` that serve this directory's files.
    fn hooks(self) -> [HostFunction; 3] {
        let resolver = self.clone();
        let resolve = crate::host_fn::native(
            move |_: &mut Caller<'_>, (specifier, referrer): (String, String)| {
                resolver
                    .resolve(&specifier, &referrer)
                    .map_err(HostError::type_error)
            },
        );
        let reader = self.clone();
        let import = loader(move |_, specifier| {
            reader
                .load(specifier)
                .map(Some)
                .map_err(HostError::type_error)
        });
        let import_now = loader(move |_, specifier| {
            self.load(specifier)
                .map(Some)
                .map_err(HostError::type_error)
        });
        [resolve, import, import_now]
    }
}
