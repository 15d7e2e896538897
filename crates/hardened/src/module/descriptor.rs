//! Module descriptors: what a `modules` map entry or a hook returns, turned into a module
//! instance. Every form of ses 2.3.0 and XS is accepted; the checks run in the shim's order.
//!
//! | descriptor | result |
//! |---|---|
//! | a string | TypeError (use `{source}`) |
//! | a namespace (from `import`, `importNow`, `module()`) | that instance, shared |
//! | `{namespace: string, compartment?}` | the instance `compartment` (default: the parent) has |
//! | `{namespace: namespace}` | that instance, shared |
//! | `{namespace: object}` | a virtual namespace: a snapshot of its own enumerable properties |
//! | `{source: string, specifier?, compartment?, importMeta?}` | the module source `compartment` (default: the parent) has for it, instantiated here |
//! | `{source: ModuleSource or virtual source, specifier?, importMeta?}` | instantiated here |
//! | `{record, specifier?, importMeta?}` (legacy) | like `{source: record}` |
//! | `{specifier, compartment}` (legacy) | the instance `compartment` has |
//! | `{archive}` | TypeError (unsupported) |
//! | a `ModuleSource` or virtual source itself | instantiated here |

use std::rc::Rc;

use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsString, JsValue, Module, js_string,
    module::ModuleNamespace,
};
use boa_gc::Gc;

use super::{
    Cx, LoadMode, Loading, ModuleTable, methods,
    source::{self, Language, ModuleText},
    virtual_source,
};
use crate::record::{CompartmentInstance, CompartmentRecord, ModuleInfo};

/// Whether `value` is a module namespace (Boa's, or a deferred one from `module()`).
pub(crate) fn is_namespace_token(value: &JsValue, context: &Context) -> bool {
    value.as_object().is_some_and(|object| {
        object.is::<ModuleNamespace>() || methods::deferred_target(&object, context).is_some()
    })
}

/// What a descriptor asks for.
enum Request {
    /// An instance another compartment has (or will have) for a specifier.
    Link {
        compartment: Gc<CompartmentRecord>,
        specifier: JsString,
    },
    /// A namespace object's own instance.
    Alias(JsObject),
    /// A snapshot of an object's properties.
    VirtualNamespace(JsObject),
    /// A module source, instantiated in this compartment.
    Source {
        source: SourceRef,
        specifier: Option<JsString>,
        import_meta: JsValue,
    },
}

/// Where the module source comes from.
enum SourceRef {
    Value(JsValue),
    /// The source `compartment` has for `specifier`.
    From {
        compartment: Gc<CompartmentRecord>,
        specifier: JsString,
    },
}

fn error(message: String) -> boa_engine::JsError {
    JsNativeError::typ().with_message(message).into()
}

fn show(value: &JsString) -> String {
    value.to_std_string_escaped()
}

/// Reads a descriptor into a request, in the shim's order of checks.
fn classify(
    record: &Gc<CompartmentRecord>,
    specifier: &JsString,
    descriptor: &JsValue,
    context: &mut Context,
) -> JsResult<Request> {
    if let Some(string) = descriptor.as_string() {
        return Err(error(format!(
            "Cannot map module \"{}\" to \"{}\" in compartment \"{}\", use {{source}} module descriptor",
            show(specifier),
            show(&string),
            show(&record.name)
        )));
    }
    let Some(object) = descriptor.as_object() else {
        return Err(error(format!(
            "module descriptor for \"{}\" must be an object, got {}",
            show(specifier),
            descriptor.display()
        )));
    };
    if is_namespace_token(descriptor, context) {
        return Ok(Request::Alias(object));
    }
    let compartment = |context: &mut Context| -> JsResult<Option<Gc<CompartmentRecord>>> {
        let value = object.get(js_string!("compartment"), context)?;
        if value.is_undefined() {
            return Ok(None);
        }
        value
            .as_object()
            .and_then(|o| CompartmentInstance::record_of(&o, context))
            .map(Some)
            .ok_or_else(|| {
                error(format!(
                    "Invalid compartment in module descriptor for \"{}\" in compartment \"{}\"",
                    show(specifier),
                    show(&record.name)
                ))
            })
    };
    let parent = || record.parent.clone().unwrap_or_else(|| record.clone());
    let namespace = object.get(js_string!("namespace"), context)?;
    if !namespace.is_undefined() {
        if let Some(name) = namespace.as_string() {
            return Ok(Request::Link {
                compartment: compartment(context)?.unwrap_or_else(parent),
                specifier: name,
            });
        }
        return match namespace.as_object() {
            Some(target) if is_namespace_token(&namespace, context) => Ok(Request::Alias(target)),
            Some(target) => Ok(Request::VirtualNamespace(target)),
            None => Err(error(format!(
                "the namespace of module descriptor \"{}\" must be a string or an object",
                show(specifier)
            ))),
        };
    }
    let specifier_option = |context: &mut Context| -> JsResult<Option<JsString>> {
        let value = object.get(js_string!("specifier"), context)?;
        if value.is_undefined() {
            return Ok(None);
        }
        value.as_string().map(Some).ok_or_else(|| {
            error(format!(
                "the specifier of module descriptor \"{}\" must be a string",
                show(specifier)
            ))
        })
    };
    let source = object.get(js_string!("source"), context)?;
    if !source.is_undefined() {
        let source = match source.as_string() {
            Some(name) => SourceRef::From {
                compartment: compartment(context)?.unwrap_or_else(parent),
                specifier: name,
            },
            None => SourceRef::Value(source),
        };
        return Ok(Request::Source {
            source,
            specifier: specifier_option(context)?,
            import_meta: object.get(js_string!("importMeta"), context)?,
        });
    }
    if !object.get(js_string!("archive"), context)?.is_undefined() {
        return Err(error(format!(
            "Unsupported archive module descriptor for \"{}\"",
            show(specifier)
        )));
    }
    let legacy_record = object.get(js_string!("record"), context)?;
    if !legacy_record.is_undefined() {
        return Ok(Request::Source {
            source: SourceRef::Value(legacy_record),
            specifier: specifier_option(context)?,
            import_meta: object.get(js_string!("importMeta"), context)?,
        });
    }
    if let (Some(name), Some(other)) = (specifier_option(context)?, compartment(context)?) {
        return Ok(Request::Link {
            compartment: other,
            specifier: name,
        });
    }
    // Anything else is taken to be a module source itself (a hook may return one bare).
    Ok(Request::Source {
        source: SourceRef::Value(descriptor.clone()),
        specifier: None,
        import_meta: JsValue::undefined(),
    })
}

/// Makes (or finds) the module instance a descriptor stands for.
pub(crate) fn instantiate<'a, 'b: 'a>(
    record: Gc<CompartmentRecord>,
    specifier: JsString,
    descriptor: JsValue,
    language: Language,
    mode: LoadMode,
    context: Cx<'a, 'b>,
) -> Loading<'a, Module> {
    Box::pin(async move {
        let request = classify(&record, &specifier, &descriptor, &mut context.borrow_mut())?;
        match request {
            Request::Link {
                compartment,
                specifier: name,
            } => super::obtain(compartment, name, language, mode, context).await,
            Request::Alias(namespace) => alias(&namespace, mode, context).await,
            Request::VirtualNamespace(object) => virtual_source::namespace_module(
                &record,
                &specifier,
                &object,
                &mut context.borrow_mut(),
            ),
            Request::Source {
                source,
                specifier: own_specifier,
                import_meta,
            } => {
                let source = match source {
                    SourceRef::Value(value) => value,
                    SourceRef::From {
                        compartment,
                        specifier: name,
                    } => super::source_of(compartment, name, mode, context).await?,
                };
                let as_specifier = own_specifier.unwrap_or(specifier);
                instantiate_source(
                    &record,
                    as_specifier,
                    &source,
                    &import_meta,
                    language,
                    &mut context.borrow_mut(),
                )
            }
        }
    })
}

/// The instance behind a namespace token.
fn alias<'a, 'b: 'a>(
    namespace: &JsObject,
    mode: LoadMode,
    context: Cx<'a, 'b>,
) -> Loading<'a, Module> {
    let namespace = namespace.clone();
    Box::pin(async move {
        let deferred = methods::deferred_target(&namespace, &context.borrow());
        if let Some((compartment, specifier)) = deferred {
            return super::obtain(compartment, specifier, Language::JavaScript, mode, context)
                .await;
        }
        let mut context = context.borrow_mut();
        let found = ModuleTable::get(&context).module_of_namespace(&namespace, &mut context);
        found.ok_or_else(|| {
            error(
                "this module namespace was not loaded by a compartment's import(), importNow() or \
                 load(): describe it as {namespace: specifier, compartment} instead"
                    .to_owned(),
            )
        })
    })
}

/// The module source a descriptor in `record`'s map or hooks gives for a child to instantiate.
pub(crate) fn source_in<'a, 'b: 'a>(
    record: &'a Gc<CompartmentRecord>,
    specifier: &'a JsString,
    descriptor: JsValue,
    mode: LoadMode,
    context: Cx<'a, 'b>,
) -> Loading<'a, JsValue> {
    Box::pin(async move {
        let request = classify(record, specifier, &descriptor, &mut context.borrow_mut())?;
        match request {
            Request::Source {
                source: SourceRef::Value(value),
                ..
            } => Ok(value),
            Request::Source {
                source:
                    SourceRef::From {
                        compartment,
                        specifier: name,
                    },
                ..
            } => super::source_of(compartment, name, mode, context).await,
            Request::Link { .. } | Request::Alias(_) | Request::VirtualNamespace(_) => {
                Err(error(format!(
                    "module \"{}\" of compartment \"{}\" is a link to a module instance, not a source a child can instantiate",
                    show(specifier),
                    show(&record.name)
                )))
            }
        }
    })
}

/// Instantiates a module source (`ModuleSource`, or a virtual source) in `record`.
fn instantiate_source(
    record: &Gc<CompartmentRecord>,
    specifier: JsString,
    source: &JsValue,
    import_meta: &JsValue,
    language: Language,
    context: &mut Context,
) -> JsResult<Module> {
    if let Some(text) = source::module_text(source) {
        return instantiate_text(record, specifier, text, import_meta, language, context);
    }
    let Some(object) = source.as_object() else {
        return Err(error(format!(
            "Invalid module source for \"{}\": expected a ModuleSource or a virtual module source, got {}",
            show(&specifier),
            source.display()
        )));
    };
    if language == Language::Json {
        return Err(error(format!(
            "module \"{}\" was imported as JSON but its source is a virtual module source",
            show(&specifier)
        )));
    }
    let import_meta = prepare_import_meta(record, &specifier, import_meta, true, context)?;
    virtual_source::instantiate(record, specifier, &object, import_meta, context)
}

/// Parses module text into a new instance owned by `record`.
pub(crate) fn instantiate_text(
    record: &Gc<CompartmentRecord>,
    specifier: JsString,
    text: Rc<ModuleText>,
    import_meta: &JsValue,
    language: Language,
    context: &mut Context,
) -> JsResult<Module> {
    if text.language != language {
        let kind = |language| match language {
            Language::JavaScript => "JavaScript",
            Language::Json => "JSON",
        };
        return Err(error(format!(
            "module \"{}\" was imported as {} but its source is {}",
            show(&specifier),
            kind(language),
            kind(text.language)
        )));
    }
    let module = match text.language {
        Language::JavaScript => {
            // Every module text is checked as guest code before Boa compiles it.
            text.checked_facts(context.interner_mut(), record.direct_eval())?;
            crate::parse::guarded(crate::parse::Text::Utf16(&text.text), |room| {
                crate::parse::module(room, &specifier, context)
            })?
        }
        Language::Json => Module::parse_json(JsString::from(text.text.as_slice()), context)?,
    };
    let mut info = ModuleInfo::new(module.clone(), record.clone(), specifier.clone());
    info.import_meta = prepare_import_meta(
        record,
        &specifier,
        import_meta,
        text.may_use_import_meta(),
        context,
    )?;
    info.text = Some(text);
    ModuleTable::get(context).insert(info, context)?;
    Ok(module)
}

/// The properties a module's `import.meta` starts with: the descriptor's `importMeta` (copied
/// like `Object.assign`), then whatever the compartment's `importMetaHook(specifier, meta)` adds.
fn prepare_import_meta(
    record: &Gc<CompartmentRecord>,
    specifier: &JsString,
    import_meta: &JsValue,
    may_use: bool,
    context: &mut Context,
) -> JsResult<Option<JsObject>> {
    let hook = record
        .modules
        .options
        .import_meta_hook
        .clone()
        .filter(|_| may_use);
    if import_meta.is_undefined() && hook.is_none() {
        return Ok(None);
    }
    let prepared = JsObject::with_null_proto();
    if let Some(from) = import_meta.as_object() {
        for key in from.own_property_keys(context)? {
            let enumerable = crate::commons::own_descriptor(&from, &key, context)?
                .is_some_and(|d| d.enumerable() == Some(true));
            if enumerable {
                let value = from.get(key.clone(), context)?;
                prepared.create_data_property_or_throw(key, value, context)?;
            }
        }
    } else if !import_meta.is_undefined() {
        return Err(error(format!(
            "the importMeta of module descriptor \"{}\" must be an object",
            show(specifier)
        )));
    }
    if let Some(hook) = hook {
        hook.call(
            &JsValue::undefined(),
            &[specifier.clone().into(), prepared.clone().into()],
            context,
        )?;
    }
    Ok(Some(prepared))
}
