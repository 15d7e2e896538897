//! Virtual module sources (modules written as a JavaScript `execute` function) and virtual
//! namespaces (`{namespace: object}`).
//!
//! A virtual source becomes a real module: its static bindings are written out as module text
//! whose imports and exports Boa links like any other, plus one call into a private helper
//! module that runs `execute` with an environment object of accessors over those bindings, so
//! exports stay live. Two shapes are accepted:
//!
//! - XS: `{bindings?, execute($, Import, ImportMeta), needsImport?, needsImportMeta?}`, where
//!   `$` is sealed: exports are writable, imports read-only, no additions or deletions. An
//!   `async` `execute` is awaited (it plays the role of top-level await).
//! - SES shim: `{imports, exports, reexports?, execute(exportsTarget, compartment,
//!   resolvedImports)}`.

use boa_engine::{
    Context, JsArgs, JsNativeError, JsObject, JsResult, JsString, JsValue, Module, NativeFunction,
    js_string,
    module::SyntheticModuleInitializer,
    object::{FunctionObjectBuilder, builtins::JsArray},
    property::{PropertyDescriptor, PropertyKey},
};
use boa_gc::{Finalize, Gc, GcRefCell, Trace, WeakGc};

use super::{
    ModuleTable,
    source::{Binding, Language, ModuleText},
};
use crate::{
    commons::own_descriptor,
    record::{CompartmentRecord, ModuleInfo},
};

/// The specifier by which generated module text imports its helper. Only the generated module
/// itself is answered with the helper (see the loader).
pub(crate) const HELPER: &str = "\u{0}virtual-module-helper";

/// The two shapes of virtual module source.
#[derive(Trace, Finalize)]
enum Shape {
    Xs {
        #[unsafe_ignore_trace]
        needs_import: bool,
    },
    Shim {
        compartment: WeakGc<CompartmentRecord>,
        #[unsafe_ignore_trace]
        specifier: JsString,
        #[unsafe_ignore_trace]
        imports: Vec<JsString>,
    },
}

/// What the helper's function needs to run `execute`.
#[derive(Trace, Finalize)]
struct Run {
    execute: JsObject,
    shape: Shape,
}

fn error(message: String) -> boa_engine::JsError {
    JsNativeError::typ().with_message(message).into()
}

/// A string as a JavaScript string literal (every non-ASCII code unit escaped, so lone
/// surrogates survive).
fn literal(value: &JsString) -> String {
    let mut out = String::from("\"");
    for unit in value.iter() {
        match char::from_u32(u32::from(unit)) {
            Some(c) if c.is_ascii() && !c.is_ascii_control() && c != '"' && c != '\\' => {
                out.push(c);
            }
            _ => out.push_str(&format!("\\u{unit:04x}")),
        }
    }
    out.push('"');
    out
}

/// Reads `source[name]` as an array of strings (missing: empty).
fn strings(object: &JsObject, name: &str, context: &mut Context) -> JsResult<Vec<JsString>> {
    let value = object.get(JsString::from(name), context)?;
    if value.is_undefined() {
        return Ok(Vec::new());
    }
    let Some(array) = value.as_object().filter(JsObject::is_array) else {
        return Err(error(format!(
            "Invalid module source: '{name}' must be an array of strings"
        )));
    };
    let array = JsArray::from_object(array)?;
    let length = array.length(context)?;
    let mut out = Vec::new();
    for index in 0..length {
        match array.get(index, context)?.as_string() {
            Some(string) if string == HELPER => {
                return Err(error(format!(
                    "Invalid module source: '{name}' names a reserved specifier"
                )));
            }
            Some(string) => out.push(string),
            None => {
                return Err(error(format!(
                    "Invalid module source: '{name}' must be an array of strings"
                )));
            }
        }
    }
    Ok(out)
}

/// Reads XS `bindings` objects.
fn read_bindings(object: &JsObject, context: &mut Context) -> JsResult<Vec<Binding>> {
    let value = object.get(js_string!("bindings"), context)?;
    if value.is_undefined() {
        return Ok(Vec::new());
    }
    let Some(array) = value.as_object().filter(JsObject::is_array) else {
        return Err(error(
            "Invalid module source: 'bindings' must be an array".to_owned(),
        ));
    };
    let array = JsArray::from_object(array)?;
    let length = array.length(context)?;
    let mut bindings = Vec::new();
    for index in 0..length {
        let entry = array.get(index, context)?;
        let Some(entry) = entry.as_object() else {
            return Err(error(format!(
                "Invalid module source: bindings[{index}] must be an object"
            )));
        };
        let mut field = |name: &str| -> JsResult<Option<JsString>> {
            let value = entry.get(JsString::from(name), context)?;
            if value.is_undefined() {
                return Ok(None);
            }
            value.as_string().map(Some).ok_or_else(|| {
                error(format!(
                    "Invalid module source: bindings[{index}].{name} must be a string"
                ))
            })
        };
        let (export, import, import_all, import_from, export_all, alias, from) = (
            field("export")?,
            field("import")?,
            field("importAllFrom")?,
            field("importFrom")?,
            field("exportAllFrom")?,
            field("as")?,
            field("from")?,
        );
        let binding = match (export, import, import_all, import_from, export_all, from) {
            (Some(name), None, None, None, None, None) => Binding::Export { name, alias },
            (Some(name), None, None, None, None, Some(from)) => {
                Binding::ReExport { name, alias, from }
            }
            (None, Some(name), None, None, None, Some(from)) => {
                Binding::Import { name, alias, from }
            }
            (None, None, Some(from), None, None, None) => match alias {
                Some(alias) => Binding::ImportAll { from, alias },
                None => {
                    return Err(error(format!(
                        "Invalid module source: bindings[{index}] imports all without 'as'"
                    )));
                }
            },
            (None, None, None, Some(from), None, None) => Binding::ImportFrom { from },
            (None, None, None, None, Some(from), None) => Binding::ExportAll { from, alias },
            _ => {
                return Err(error(format!(
                    "Invalid module source: bindings[{index}] is not a binding XS knows"
                )));
            }
        };
        if let Binding::Import { from, .. }
        | Binding::ImportAll { from, .. }
        | Binding::ImportFrom { from }
        | Binding::ReExport { from, .. }
        | Binding::ExportAll { from, .. } = &binding
            && from == &JsString::from(HELPER)
        {
            return Err(error(format!(
                "Invalid module source: bindings[{index}] names a reserved specifier"
            )));
        }
        bindings.push(binding);
    }
    Ok(bindings)
}

/// Module text for the bindings, ending with a call of the helper with the environment.
fn generate(bindings: &[Binding], awaits: bool, import_meta: bool) -> String {
    let mut head = String::new();
    let mut env = String::new();
    let mut exports = Vec::new();
    let mut locals: Vec<JsString> = Vec::new();
    for (index, binding) in bindings.iter().enumerate() {
        match binding {
            Binding::Export { name, alias } => {
                let local = match locals.iter().position(|l| l == name) {
                    Some(at) => at,
                    None => {
                        locals.push(name.clone());
                        env.push_str(&format!(
                            "get {0}() {{ return $l{1}; }}, set {0}(v) {{ $l{1} = v; }}, ",
                            literal(name),
                            locals.len() - 1
                        ));
                        locals.len() - 1
                    }
                };
                exports.push(format!(
                    "$l{local} as {}",
                    literal(alias.as_ref().unwrap_or(name))
                ));
            }
            Binding::Import { name, alias, from } => {
                head.push_str(&format!(
                    "import {{ {} as $i{index} }} from {};\n",
                    literal(name),
                    literal(from)
                ));
                env.push_str(&format!(
                    "get {}() {{ return $i{index}; }}, ",
                    literal(alias.as_ref().unwrap_or(name))
                ));
            }
            Binding::ImportAll { from, alias } => {
                head.push_str(&format!("import * as $i{index} from {};\n", literal(from)));
                env.push_str(&format!(
                    "get {}() {{ return $i{index}; }}, ",
                    literal(alias)
                ));
            }
            Binding::ImportFrom { from } => {
                head.push_str(&format!("import {};\n", literal(from)));
            }
            Binding::ReExport { name, alias, from } => {
                let exported = alias.as_ref().unwrap_or(name);
                head.push_str(&format!(
                    "export {{ {} as {} }} from {};\n",
                    literal(name),
                    literal(exported),
                    literal(from)
                ));
                head.push_str(&format!(
                    "import {{ {} as $i{index} }} from {};\n",
                    literal(name),
                    literal(from)
                ));
                env.push_str(&format!(
                    "get {}() {{ return $i{index}; }}, ",
                    literal(exported)
                ));
            }
            Binding::ExportAll { from, alias: None } => {
                head.push_str(&format!("export * from {};\n", literal(from)));
            }
            Binding::ExportAll {
                from,
                alias: Some(alias),
            } => {
                head.push_str(&format!(
                    "export * as {} from {1};\nimport * as $i{index} from {1};\n",
                    literal(alias),
                    literal(from)
                ));
                env.push_str(&format!(
                    "get {}() {{ return $i{index}; }}, ",
                    literal(alias)
                ));
            }
        }
    }
    let mut text = head;
    text.push_str(&format!(
        "import $h from {};\n",
        literal(&JsString::from(HELPER))
    ));
    if !locals.is_empty() {
        let names: Vec<String> = (0..locals.len()).map(|i| format!("$l{i}")).collect();
        text.push_str(&format!("let {};\n", names.join(", ")));
        text.push_str(&format!("export {{ {} }};\n", exports.join(", ")));
    }
    text.push_str(&format!(
        "{}$h({{ {env}}}, {}, (s) => import(s));\n",
        if awaits { "await " } else { "" },
        if import_meta { "import.meta" } else { "void 0" }
    ));
    text
}

/// Instantiates a virtual module source in `record`.
pub(crate) fn instantiate(
    record: &Gc<CompartmentRecord>,
    specifier: JsString,
    source: &JsObject,
    import_meta: Option<JsObject>,
    context: &mut Context,
) -> JsResult<Module> {
    let execute = source.get(js_string!("execute"), context)?;
    let Some(execute) = execute.as_callable() else {
        return Err(error(format!(
            "Invalid module source for \"{}\": expected a ModuleSource or an object with an execute function",
            specifier.to_std_string_escaped()
        )));
    };
    let is_shim = !source.get(js_string!("imports"), context)?.is_undefined()
        || !source.get(js_string!("exports"), context)?.is_undefined();
    let (bindings, shape, needs_import_meta) = if is_shim {
        let imports = strings(source, "imports", context)?;
        let mut bindings: Vec<Binding> = imports
            .iter()
            .map(|from| Binding::ImportFrom { from: from.clone() })
            .collect();
        bindings.extend(
            strings(source, "exports", context)?
                .into_iter()
                .map(|name| Binding::Export { name, alias: None }),
        );
        bindings.extend(
            strings(source, "reexports", context)?
                .into_iter()
                .map(|from| Binding::ExportAll { from, alias: None }),
        );
        let shape = Shape::Shim {
            compartment: WeakGc::new(record),
            specifier: specifier.clone(),
            imports,
        };
        (bindings, shape, false)
    } else {
        let needs_import = source.get(js_string!("needsImport"), context)?.to_boolean();
        let needs_import_meta = source
            .get(js_string!("needsImportMeta"), context)?
            .to_boolean();
        (
            read_bindings(source, context)?,
            Shape::Xs { needs_import },
            needs_import_meta,
        )
    };
    let async_prototype = context
        .intrinsics()
        .constructors()
        .async_function()
        .prototype();
    let awaits = execute
        .prototype()
        .is_some_and(|prototype| JsObject::equals(&prototype, &async_prototype));
    let text = generate(&bindings, awaits, needs_import_meta);
    let module = crate::parse::guarded(crate::parse::Text::Utf8(&text), |room| {
        crate::parse::module(room, &specifier, context)
    })?;
    let run = Run { execute, shape };
    let runner: JsObject = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_copy_closure_with_captures(run_execute, run),
    )
    .name(js_string!("execute"))
    .build()
    .into();
    let helper = Module::synthetic(
        &[js_string!("default")],
        SyntheticModuleInitializer::from_copy_closure_with_captures(
            |module, runner: &JsObject, _| {
                module.set_export(&js_string!("default"), runner.clone().into())
            },
            runner,
        ),
        None,
        None,
        context,
    );
    let table = ModuleTable::get(context);
    table.insert(
        ModuleInfo::new(helper.clone(), record.clone(), JsString::from(HELPER)),
        context,
    )?;
    let mut info = ModuleInfo::new(module.clone(), record.clone(), specifier);
    info.helper = GcRefCell::new(Some(helper));
    info.import_meta = import_meta;
    info.text = Some(ModuleText::new(
        text.encode_utf16().collect(),
        Language::JavaScript,
    ));
    table.insert(info, context)?;
    Ok(module)
}

/// The helper's function: builds the sealed environment from the accessors the generated
/// module passes and calls `execute`.
fn run_execute(
    _: &JsValue,
    args: &[JsValue],
    run: &Run,
    context: &mut Context,
) -> JsResult<JsValue> {
    let accessors = args
        .get_or_undefined(0)
        .as_object()
        .ok_or_else(|| error("virtual module environment is missing".to_owned()))?;
    let read_only: JsObject = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_fn_ptr(|_, _, _| {
            Err(JsNativeError::typ()
                .with_message("cannot assign to an imported binding of a virtual module")
                .into())
        }),
    )
    .build()
    .into();
    let environment = JsObject::with_null_proto();
    for key in accessors.own_property_keys(context)? {
        let Some(descriptor) = own_descriptor(&accessors, &key, context)? else {
            continue;
        };
        let setter = descriptor
            .set()
            .filter(|setter| !setter.is_undefined())
            .cloned()
            .unwrap_or_else(|| read_only.clone().into());
        environment.define_property_or_throw(
            key,
            PropertyDescriptor::builder()
                .maybe_get(descriptor.get().cloned())
                .set(setter)
                .enumerable(true)
                .configurable(false),
            context,
        )?;
    }
    // Every property is already non-configurable: sealing only stops additions.
    environment.set_integrity_level(boa_engine::object::IntegrityLevel::Sealed, context)?;
    match &run.shape {
        Shape::Xs { needs_import } => {
            let import = if *needs_import {
                args.get_or_undefined(2).clone()
            } else {
                JsValue::undefined()
            };
            run.execute.call(
                &JsValue::undefined(),
                &[environment.into(), import, args.get_or_undefined(1).clone()],
                context,
            )
        }
        Shape::Shim {
            compartment,
            specifier,
            imports,
        } => {
            let record = compartment
                .upgrade()
                .ok_or_else(|| error("the module's compartment is gone".to_owned()))?;
            let resolved = JsObject::with_null_proto();
            for import in imports {
                let full = super::resolve(&record, import, Some(specifier), context)?;
                resolved.create_data_property_or_throw(import.clone(), full, context)?;
            }
            let instance = record
                .instance
                .get()
                .cloned()
                .map_or_else(JsValue::undefined, JsValue::from);
            run.execute.call(
                &JsValue::undefined(),
                &[environment.into(), instance, resolved.into()],
                context,
            )
        }
    }
}

/// A virtual namespace: a synthetic module exporting a snapshot of `object`'s own enumerable
/// string-keyed properties, read once (getters run once) when the module is loaded.
pub(crate) fn namespace_module(
    record: &Gc<CompartmentRecord>,
    specifier: &JsString,
    object: &JsObject,
    context: &mut Context,
) -> JsResult<Module> {
    let mut exports = Vec::new();
    for key in object.own_property_keys(context)? {
        let PropertyKey::String(name) = &key else {
            continue;
        };
        let enumerable =
            own_descriptor(object, &key, context)?.is_some_and(|d| d.enumerable() == Some(true));
        if enumerable {
            exports.push((name.clone(), object.get(key.clone(), context)?));
        }
    }
    let names: Vec<JsString> = exports.iter().map(|(name, _)| name.clone()).collect();
    let module = Module::synthetic(
        &names,
        SyntheticModuleInitializer::from_copy_closure_with_captures(
            |module, exports: &Snapshot, _| {
                for (name, value) in &exports.0 {
                    module.set_export(name, value.clone())?;
                }
                Ok(())
            },
            Snapshot(exports),
        ),
        None,
        None,
        context,
    );
    ModuleTable::get(context).insert(
        ModuleInfo::new(module.clone(), record.clone(), specifier.clone()),
        context,
    )?;
    Ok(module)
}

/// Exported names and values of a virtual namespace.
#[derive(Trace, Finalize)]
struct Snapshot(Vec<(JsString, JsValue)>);
