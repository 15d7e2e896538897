//! The `Compartment` constructor's arguments, read into a [`CompartmentSpec`].
//!
//! One rule serves both SES and XS code:
//! - no argument, or `undefined`: defaults;
//! - one object argument is an options bag when it has `__options__: true` (the SES sigil; any
//!   other `__options__` value throws as in SES) or when it has no `__options__` but owns at
//!   least one known option key (XS writes `new Compartment({globals: {...}})`); otherwise it is
//!   SES's legacy endowments object (`new Compartment({z: 3})` endows `z`);
//! - two or three arguments are SES's legacy `(globals, modules, options)` form.
//!
//! Unknown options are ignored, as in SES.

use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsString, JsValue, js_string, property::PropertyKey,
};

use crate::{commons::own_descriptor, record::ModuleOptions};

/// Option names that mark a single argument as an options bag.
const KNOWN_OPTIONS: &[&str] = &[
    "globals",
    "globalLexicals",
    "modules",
    "name",
    "transforms",
    "__shimTransforms__",
    "resolveHook",
    "importHook",
    "importNowHook",
    "loadHook",
    "loadNowHook",
    "moduleMapHook",
    "importMetaHook",
    "noAggregateLoadErrors",
    "__noNamespaceBox__",
    "__native__",
];

/// What a compartment is built from, already read out of JavaScript values (getters have run,
/// nothing refers back to the caller's objects).
#[derive(Clone)]
pub(crate) struct CompartmentSpec {
    pub(crate) name: JsString,
    pub(crate) transforms: Vec<JsObject>,
    /// Endowments, in order.
    pub(crate) globals: Vec<(PropertyKey, JsValue)>,
    /// Global lexicals: name, value, mutable (`let`) or not (`const`).
    pub(crate) lexicals: Vec<(JsString, JsValue, bool)>,
    /// The module map, hooks and module flags.
    pub(crate) modules: ModuleOptions,
}

impl Default for CompartmentSpec {
    fn default() -> Self {
        Self {
            name: js_string!("<unknown>"),
            transforms: Vec::new(),
            globals: Vec::new(),
            lexicals: Vec::new(),
            modules: ModuleOptions::default(),
        }
    }
}

impl CompartmentSpec {
    /// Reads the constructor's arguments.
    pub(crate) fn from_arguments(args: &[JsValue], context: &mut Context) -> JsResult<Self> {
        match args {
            [] => Ok(Self::default()),
            [single] => match single.as_object() {
                None if single.is_undefined() => Ok(Self::default()),
                None => Err(JsNativeError::typ()
                    .with_message("Compartment options must be an object")
                    .into()),
                Some(object) if is_options_bag(&object, context)? => {
                    Self::from_options(&object, context)
                }
                Some(_) => Self::from_legacy(
                    single,
                    &JsValue::undefined(),
                    &JsValue::undefined(),
                    context,
                ),
            },
            [globals, modules, rest @ ..] => Self::from_legacy(
                globals,
                modules,
                rest.first().unwrap_or(&JsValue::undefined()),
                context,
            ),
        }
    }

    /// The legacy `(globals, modules, options)` form.
    fn from_legacy(
        globals: &JsValue,
        modules: &JsValue,
        options: &JsValue,
        context: &mut Context,
    ) -> JsResult<Self> {
        let options = match options.as_object() {
            Some(options) => options,
            None if options.is_undefined() => JsObject::with_null_proto(),
            None => {
                return Err(JsNativeError::typ()
                    .with_message("Compartment options must be an object")
                    .into());
            }
        };
        if !modules.is_undefined() && !options.get(js_string!("modules"), context)?.is_undefined() {
            return Err(JsNativeError::range()
                .with_message(
                    "Compartment constructor must receive either a module map argument or modules option, not both",
                )
                .into());
        }
        if !globals.is_undefined() && !options.get(js_string!("globals"), context)?.is_undefined() {
            return Err(JsNativeError::range()
                .with_message(
                    "Compartment constructor must receive either globals argument or option, not both",
                )
                .into());
        }
        let mut spec = Self::from_options(&options, context)?;
        if !globals.is_undefined() {
            spec.globals = read_endowments(globals, context)?;
        }
        if !modules.is_undefined() {
            spec.modules.map = read_module_map(modules, context)?;
        }
        Ok(spec)
    }

    /// An options bag.
    fn from_options(options: &JsObject, context: &mut Context) -> JsResult<Self> {
        let name = options.get(js_string!("name"), context)?;
        let name = if name.is_undefined() {
            js_string!("<unknown>")
        } else {
            name.to_string(context)?
        };
        let transforms =
            read_transforms(&options.get(js_string!("transforms"), context)?, context)?;
        let globals = read_endowments(&options.get(js_string!("globals"), context)?, context)?;
        // `globalLexicals` is XS's option, so XS's rule applies: present means an object.
        let lexicals = if options.has_property(js_string!("globalLexicals"), context)? {
            read_lexicals(
                &options.get(js_string!("globalLexicals"), context)?,
                context,
            )?
        } else {
            Vec::new()
        };
        let modules = read_module_options(options, context)?;
        Ok(Self {
            name,
            transforms,
            globals,
            lexicals,
            modules,
        })
    }
}

fn is_options_bag(object: &JsObject, context: &mut Context) -> JsResult<bool> {
    if object.has_property(js_string!("__options__"), context)? {
        let sigil = object.get(js_string!("__options__"), context)?;
        if sigil != JsValue::from(true) {
            return Err(JsNativeError::error()
                .with_message(format!(
                    "Compartment constructor only supports true __options__ sigil, got {}",
                    sigil.display()
                ))
                .into());
        }
        return Ok(true);
    }
    for name in KNOWN_OPTIONS {
        if object.has_own_property(JsString::from(*name), context)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `transforms`: an array of functions `source => source`.
pub(crate) fn read_transforms(value: &JsValue, context: &mut Context) -> JsResult<Vec<JsObject>> {
    if value.is_undefined() {
        return Ok(Vec::new());
    }
    let Some(list) = value.as_object().filter(JsObject::is_array) else {
        return Err(JsNativeError::typ()
            .with_message("transforms must be an array of functions")
            .into());
    };
    let length = list
        .get(js_string!("length"), context)?
        .to_length(context)?;
    // Grown as read: the claimed length is the guest's (a hole ends the loop with an error).
    let mut transforms = Vec::new();
    for index in 0..length {
        let transform = list.get(index, context)?;
        match transform.as_callable() {
            Some(function) => transforms.push(function),
            None => {
                return Err(JsNativeError::typ()
                    .with_message(format!("transforms[{index}] is not a function"))
                    .into());
            }
        }
    }
    Ok(transforms)
}

/// Endowments are copied like `Object.assign`: own enumerable string and symbol keys, each read
/// once with `[[Get]]` (getters run once), no reference to the object kept.
fn read_endowments(
    value: &JsValue,
    context: &mut Context,
) -> JsResult<Vec<(PropertyKey, JsValue)>> {
    let Some(object) = value.as_object() else {
        if value.is_null_or_undefined() {
            return Ok(Vec::new());
        }
        return Err(JsNativeError::typ()
            .with_message("Compartment globals must be an object")
            .into());
    };
    let mut endowments = Vec::new();
    for key in object.own_property_keys(context)? {
        let Some(descriptor) = own_descriptor(&object, &key, context)? else {
            continue;
        };
        if descriptor.enumerable() == Some(true) {
            let value = object.get(key.clone(), context)?;
            endowments.push((key, value));
        }
    }
    Ok(endowments)
}

/// Global lexicals (XS): each own enumerable string-keyed property becomes a `let` when writable
/// or an accessor with a setter, otherwise a `const`; its value is read once.
fn read_lexicals(
    value: &JsValue,
    context: &mut Context,
) -> JsResult<Vec<(JsString, JsValue, bool)>> {
    let Some(object) = value.as_object() else {
        return Err(JsNativeError::typ()
            .with_message(format!(
                "Compartment option globalLexicals must be an object, got {}",
                value.display()
            ))
            .into());
    };
    let mut lexicals = Vec::new();
    for key in object.own_property_keys(context)? {
        let PropertyKey::String(name) = &key else {
            continue;
        };
        let Some(descriptor) = own_descriptor(&object, &key, context)? else {
            continue;
        };
        if descriptor.enumerable() != Some(true) {
            continue;
        }
        if name.to_std_string_escaped() == "eval" {
            return Err(JsNativeError::syntax()
                .with_message("globalLexicals cannot bind 'eval'")
                .into());
        }
        let mutable = if descriptor.is_accessor_descriptor() {
            descriptor
                .set()
                .is_some_and(|setter| !setter.is_undefined())
        } else {
            descriptor.writable() == Some(true)
        };
        let value = object.get(key.clone(), context)?;
        lexicals.push((name.clone(), value, mutable));
    }
    Ok(lexicals)
}

/// The module options (XS rules: a hook that is present must be callable, even `undefined`;
/// `importHook` wins over its alias `loadHook`, `importNowHook` over `loadNowHook`).
fn read_module_options(options: &JsObject, context: &mut Context) -> JsResult<ModuleOptions> {
    let mut hook = |names: &[&str]| -> JsResult<Option<JsObject>> {
        for name in names {
            let key = JsString::from(*name);
            if !options.has_property(key.clone(), context)? {
                continue;
            }
            return match options.get(key, context)?.as_callable() {
                Some(hook) => Ok(Some(hook)),
                None => Err(JsNativeError::typ()
                    .with_message(format!("Compartment option {name} must be a function"))
                    .into()),
            };
        }
        Ok(None)
    };
    let resolve_hook = hook(&["resolveHook"])?;
    let import_hook = hook(&["importHook", "loadHook"])?;
    let import_now_hook = hook(&["importNowHook", "loadNowHook"])?;
    let module_map_hook = hook(&["moduleMapHook"])?;
    let import_meta_hook = hook(&["importMetaHook"])?;
    let map = if options.has_property(js_string!("modules"), context)? {
        read_module_map(&options.get(js_string!("modules"), context)?, context)?
    } else {
        Vec::new()
    };
    let no_namespace_box = if options.has_property(js_string!("__noNamespaceBox__"), context)? {
        Some(
            options
                .get(js_string!("__noNamespaceBox__"), context)?
                .to_boolean(),
        )
    } else {
        None
    };
    let no_aggregate_load_errors = options
        .get(js_string!("noAggregateLoadErrors"), context)?
        .to_boolean();
    Ok(ModuleOptions {
        map,
        resolve_hook,
        import_hook,
        import_now_hook,
        module_map_hook,
        import_meta_hook,
        no_namespace_box,
        no_aggregate_load_errors,
    })
}

/// The `modules` map: an object whose own enumerable string-keyed properties are read once
/// (getters run once); descriptors are checked when they are loaded.
fn read_module_map(value: &JsValue, context: &mut Context) -> JsResult<Vec<(JsString, JsValue)>> {
    let Some(object) = value.as_object() else {
        return Err(JsNativeError::typ()
            .with_message(format!(
                "Compartment option modules must be an object, got {}",
                value.display()
            ))
            .into());
    };
    let mut map = Vec::new();
    for key in object.own_property_keys(context)? {
        let specifier = match &key {
            PropertyKey::String(name) => name.clone(),
            PropertyKey::Index(index) => JsString::from(index.get().to_string()),
            PropertyKey::Symbol(_) => continue,
        };
        let enumerable = own_descriptor(&object, &key, context)?
            .is_some_and(|descriptor| descriptor.enumerable() == Some(true));
        if enumerable {
            map.push((specifier, object.get(key, context)?));
        }
    }
    Ok(map)
}
