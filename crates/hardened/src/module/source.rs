//! The global `ModuleSource` constructor (the XS shape: `new ModuleSource(text[, {with: {type:
//! 'json'}}])` with `bindings`, `needsImport` and `needsImportMeta` getters) over the module
//! text and facts of `parse::module_text`.

use std::rc::Rc;

use boa_engine::{
    Context, JsArgs, JsData, JsNativeError, JsObject, JsResult, JsString, JsSymbol, JsValue,
    NativeFunction, js_string,
    object::{FunctionObjectBuilder, ObjectInitializer},
    property::Attribute,
};
use boa_gc::{Finalize, Trace};

use crate::parse;
pub(crate) use crate::parse::module_text::{Binding, Facts, Language, ModuleText};

impl Binding {
    /// The binding as the plain object XS's `bindings` getter returns.
    fn to_object(&self, context: &mut Context) -> JsObject {
        let mut object = ObjectInitializer::new(context);
        let mut put = |key: &str, value: &JsString| {
            object.property(JsString::from(key), value.clone(), Attribute::all());
        };
        match self {
            Self::Export { name, alias } => {
                put("export", name);
                alias.iter().for_each(|alias| put("as", alias));
            }
            Self::Import { name, alias, from } => {
                put("import", name);
                alias.iter().for_each(|alias| put("as", alias));
                put("from", from);
            }
            Self::ImportAll { from, alias } => {
                put("importAllFrom", from);
                put("as", alias);
            }
            Self::ImportFrom { from } => put("importFrom", from),
            Self::ReExport { name, alias, from } => {
                put("export", name);
                alias.iter().for_each(|alias| put("as", alias));
                put("from", from);
            }
            Self::ExportAll { from, alias } => {
                put("exportAllFrom", from);
                alias.iter().for_each(|alias| put("as", alias));
            }
        }
        object.build()
    }
}

/// Native data of a `ModuleSource` instance.
#[derive(Trace, Finalize, JsData)]
pub(crate) struct ModuleSourceData(#[unsafe_ignore_trace] pub(crate) Rc<ModuleText>);

/// The module text behind a `ModuleSource` instance, if `value` is one.
pub(crate) fn module_text(value: &JsValue) -> Option<Rc<ModuleText>> {
    value
        .as_object()?
        .downcast_ref::<ModuleSourceData>()
        .map(|data| data.0.clone())
}

/// Wraps module text in a `ModuleSource` instance.
pub(crate) fn make_instance(text: Rc<ModuleText>, prototype: JsObject) -> JsObject {
    JsObject::from_proto_and_data(prototype, ModuleSourceData(text)).upcast()
}

/// Builds the `ModuleSource` constructor and its prototype.
pub(crate) fn make_class(context: &mut Context) -> (JsObject, JsObject) {
    let realm = context.realm().clone();
    let getter = |name: &str, read: fn(&Facts, &mut Context) -> JsValue| {
        let function = NativeFunction::from_copy_closure_with_captures(
            move |this, _, method: &JsString, context| {
                let text = module_text(this).ok_or_else(|| {
                    JsNativeError::typ().with_message(format!(
                        "ModuleSource.prototype.{} called on a non-ModuleSource",
                        method.to_std_string_escaped()
                    ))
                })?;
                let facts = text.facts(context.interner_mut())?.clone();
                Ok(read(&facts, context))
            },
            JsString::from(name),
        );
        FunctionObjectBuilder::new(&realm, function)
            .name(JsString::from(format!("get {name}")))
            .build()
    };
    let bindings = getter("bindings", |facts, context| {
        let list: Vec<JsValue> = facts
            .bindings
            .iter()
            .map(|binding| binding.to_object(context).into())
            .collect();
        boa_engine::object::builtins::JsArray::from_iter(list, context).into()
    });
    let needs_import = getter("needsImport", |facts, _| facts.needs_import.into());
    let needs_import_meta = getter("needsImportMeta", |facts, _| facts.needs_import_meta.into());
    let prototype = ObjectInitializer::new(context)
        .accessor(
            js_string!("bindings"),
            Some(bindings),
            None,
            Attribute::CONFIGURABLE,
        )
        .accessor(
            js_string!("needsImport"),
            Some(needs_import),
            None,
            Attribute::CONFIGURABLE,
        )
        .accessor(
            js_string!("needsImportMeta"),
            Some(needs_import_meta),
            None,
            Attribute::CONFIGURABLE,
        )
        .property(
            JsSymbol::to_string_tag(),
            js_string!("ModuleSource"),
            Attribute::CONFIGURABLE,
        )
        .build();
    let constructor: JsObject = FunctionObjectBuilder::new(
        &realm,
        NativeFunction::from_copy_closure_with_captures(construct, prototype.clone()),
    )
    .name(js_string!("ModuleSource"))
    .length(1)
    .constructor(true)
    .build()
    .into();
    constructor.insert_property(
        js_string!("prototype"),
        boa_engine::property::PropertyDescriptor::builder()
            .value(prototype.clone())
            .writable(false)
            .enumerable(false)
            .configurable(false),
    );
    prototype.insert_property(
        js_string!("constructor"),
        boa_engine::property::PropertyDescriptor::builder()
            .value(constructor.clone())
            .writable(true)
            .enumerable(false)
            .configurable(true),
    );
    (constructor, prototype)
}

/// `new ModuleSource(text[, options])`: parses at once, so a syntax error throws here.
fn construct(
    new_target: &JsValue,
    args: &[JsValue],
    prototype: &JsObject,
    context: &mut Context,
) -> JsResult<JsValue> {
    if !new_target.as_object().is_some_and(|t| t.is_constructor()) {
        return Err(JsNativeError::typ()
            .with_message("ModuleSource cannot be invoked without 'new'")
            .into());
    }
    let text = args.get_or_undefined(0).to_string(context)?;
    let language = read_language(args.get_or_undefined(1), context)?;
    let text = ModuleText::new(text.to_vec(), language);
    if language == Language::Json {
        boa_engine::Module::parse_json(JsString::from(text.text.as_slice()), context)?;
    }
    // A module source is not yet anyone's: direct eval is refused as in any compartment.
    text.checked_facts(context.interner_mut(), parse::DirectEval::Reject)?;
    Ok(make_instance(text, prototype.clone()).into())
}

/// The `{with: {type}}` options of a module source or import: JavaScript or JSON.
pub(crate) fn read_language(options: &JsValue, context: &mut Context) -> JsResult<Language> {
    let Some(options) = options.as_object() else {
        if options.is_undefined() {
            return Ok(Language::JavaScript);
        }
        return Err(JsNativeError::typ()
            .with_message("module source options must be an object")
            .into());
    };
    let with = options.get(js_string!("with"), context)?;
    let Some(with) = with.as_object() else {
        return Ok(Language::JavaScript);
    };
    let kind = with.get(js_string!("type"), context)?;
    if kind.is_undefined() {
        return Ok(Language::JavaScript);
    }
    match kind
        .as_string()
        .map(|s| s.to_std_string_escaped())
        .as_deref()
    {
        Some("json") => Ok(Language::Json),
        _ => Err(JsNativeError::typ()
            .with_message(format!(
                "unsupported module type {}: only 'json' is supported",
                kind.display()
            ))
            .into()),
    }
}
