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

use crate::lockdown::own_descriptor;

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
}

impl Default for CompartmentSpec {
    fn default() -> Self {
        Self {
            name: js_string!("<unknown>"),
            transforms: Vec::new(),
            globals: Vec::new(),
            lexicals: Vec::new(),
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
        let lexicals = read_lexicals(
            &options.get(js_string!("globalLexicals"), context)?,
            context,
        )?;
        Ok(Self {
            name,
            transforms,
            globals,
            lexicals,
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
    let mut transforms = Vec::with_capacity(usize::try_from(length).unwrap_or(0));
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
        if value.is_undefined() {
            return Ok(Vec::new());
        }
        return Err(JsNativeError::typ()
            .with_message("globalLexicals must be an object")
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
