//! Module source text and the global `ModuleSource` constructor (the XS shape:
//! `new ModuleSource(text[, {with: {type: 'json'}}])` with `bindings`, `needsImport` and
//! `needsImportMeta` getters).
//!
//! A source is parsed with Boa's parser for its static facts; each compartment that instantiates
//! it parses it again into its own module record (Boa has no way to share a parsed module).
//! Sources given by a host are analysed only when a fact is asked for.

use std::{cell::OnceCell, rc::Rc};

use std::{convert::Infallible, ops::ControlFlow};

use boa_ast::{
    Expression,
    declaration::{ExportDeclaration, ImportDeclaration, ImportKind, ReExportKind},
    operations::{ContainsSymbol, bound_names, contains},
    visitor::{VisitWith, Visitor},
};
use boa_engine::{
    Context, JsArgs, JsData, JsNativeError, JsObject, JsResult, JsString, JsSymbol, JsValue,
    NativeFunction, js_string,
    object::{FunctionObjectBuilder, ObjectInitializer},
    property::Attribute,
};
use boa_gc::{Finalize, Trace};
use boa_interner::{Interner, Sym};

use crate::parse::{self, Text};

/// What a module source is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Language {
    JavaScript,
    /// A JSON module (`with {type: 'json'}`): its default export is the parsed value.
    Json,
}

/// Module source text and, once asked for, its static facts.
pub(crate) struct ModuleText {
    pub(crate) text: Vec<u16>,
    pub(crate) language: Language,
    facts: OnceCell<Result<Facts, String>>,
}

/// What a module's text says about it, without running it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Facts {
    pub(crate) bindings: Vec<Binding>,
    pub(crate) needs_import: bool,
    pub(crate) needs_import_meta: bool,
    pub(crate) top_level_await: bool,
    /// The specifiers of its static imports and re-exports (what loading its graph asks for;
    /// `import()` calls are not among them).
    pub(crate) requests: Vec<JsString>,
    /// What the guest-code check found that depends on the instantiating compartment.
    pub(crate) guest: parse::GuestCode,
}

/// One entry of `ModuleSource.prototype.bindings`, in XS's vocabulary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Binding {
    /// `{export: local, as?}`
    Export {
        name: JsString,
        alias: Option<JsString>,
    },
    /// `{import, as?, from}`
    Import {
        name: JsString,
        alias: Option<JsString>,
        from: JsString,
    },
    /// `{importAllFrom, as}`
    ImportAll { from: JsString, alias: JsString },
    /// `{importFrom}`: an import for effect only.
    ImportFrom { from: JsString },
    /// `{export, as?, from}`
    ReExport {
        name: JsString,
        alias: Option<JsString>,
        from: JsString,
    },
    /// `{exportAllFrom, as?}`
    ExportAll {
        from: JsString,
        alias: Option<JsString>,
    },
}

impl ModuleText {
    pub(crate) fn new(text: Vec<u16>, language: Language) -> Rc<Self> {
        Rc::new(Self {
            text,
            language,
            facts: OnceCell::new(),
        })
    }

    /// Its facts, with the guest-code rule for direct eval applied: what must pass before a
    /// module is made of the text.
    pub(crate) fn checked_facts(
        &self,
        interner: &mut Interner,
        direct_eval: parse::DirectEval,
    ) -> JsResult<&Facts> {
        let facts = self.facts(interner)?;
        facts.guest.allow(direct_eval)?;
        Ok(facts)
    }

    /// Parses the text (once) for its facts; a syntax error or a `using` is a SyntaxError.
    pub(crate) fn facts(&self, interner: &mut Interner) -> JsResult<&Facts> {
        let facts = self.facts.get_or_init(|| match self.language {
            Language::Json => Ok(Facts {
                bindings: vec![Binding::Export {
                    name: js_string!("default"),
                    alias: None,
                }],
                ..Facts::default()
            }),
            Language::JavaScript => parse::guarded(Text::Utf16(&self.text), |room| {
                let (module, guest) = parse::module_ast(room, interner)?;
                Ok(analyse(&module, guest, interner))
            })
            .map_err(|error| match error.as_native() {
                Some(native) => native.message().to_string(),
                None => error.to_string(),
            }),
        });
        facts
            .as_ref()
            .map_err(|message| JsNativeError::syntax().with_message(message.clone()).into())
    }

    /// Whether the text could use `import.meta` (a cheap scan before any parse).
    pub(crate) fn may_use_import_meta(&self) -> bool {
        self.language == Language::JavaScript && contains_word(&self.text, "meta")
    }

    /// Whether the text could hold a top-level `await` (a cheap scan before any parse).
    pub(crate) fn may_await(&self) -> bool {
        self.language == Language::JavaScript && contains_word(&self.text, "await")
    }
}

fn contains_word(text: &[u16], word: &str) -> bool {
    let word: Vec<u16> = word.encode_utf16().collect();
    text.windows(word.len()).any(|window| window == word)
}

fn analyse(module: &boa_ast::Module, guest: parse::GuestCode, interner: &Interner) -> Facts {
    let items = module.items();
    let mut finder = Finder {
        interner,
        lists: Vec::new(),
        declarations: Vec::new(),
        imports: Vec::new(),
        reexports: Vec::new(),
        import_call: false,
        import_meta: false,
    };
    let _ = items.visit_with(&mut finder);
    // XS lists export lists first, then exported declarations, then imports, then re-exports.
    let mut bindings = finder.lists;
    bindings.append(&mut finder.declarations);
    bindings.append(&mut finder.imports);
    bindings.append(&mut finder.reexports);
    Facts {
        bindings,
        needs_import: finder.import_call,
        needs_import_meta: finder.import_meta,
        top_level_await: contains(items, ContainsSymbol::AwaitExpression),
        requests: items
            .requests()
            .into_iter()
            .map(|sym| JsString::from(interner.resolve_expect(sym).utf16()))
            .collect(),
        guest,
    }
}

/// Collects a module's bindings and finds `import(...)` and `import.meta` anywhere in it.
struct Finder<'i> {
    interner: &'i Interner,
    lists: Vec<Binding>,
    declarations: Vec<Binding>,
    imports: Vec<Binding>,
    reexports: Vec<Binding>,
    import_call: bool,
    import_meta: bool,
}

impl Finder<'_> {
    fn name(&self, sym: Sym) -> JsString {
        if sym == Sym::DEFAULT_EXPORT {
            js_string!("default")
        } else {
            JsString::from(self.interner.resolve_expect(sym).utf16())
        }
    }

    /// `as` is given only when the outer name differs from the inner one.
    fn alias(&self, inner: Sym, outer: Sym) -> Option<JsString> {
        (inner != outer).then(|| self.name(outer))
    }

    fn local(&self, name: Sym, exported: Sym) -> Binding {
        Binding::Export {
            name: self.name(name),
            alias: self.alias(name, exported),
        }
    }
}

impl<'ast> Visitor<'ast> for Finder<'_> {
    type BreakTy = Infallible;

    fn visit_import_declaration(
        &mut self,
        node: &'ast ImportDeclaration,
    ) -> ControlFlow<Infallible> {
        let from = self.name(node.specifier().sym());
        if let Some(default) = node.default() {
            let alias = self.alias(Sym::DEFAULT, default.sym());
            self.imports.push(Binding::Import {
                name: js_string!("default"),
                alias,
                from: from.clone(),
            });
        }
        match node.kind() {
            ImportKind::DefaultOrUnnamed if node.default().is_none() => {
                self.imports.push(Binding::ImportFrom { from });
            }
            ImportKind::DefaultOrUnnamed => {}
            ImportKind::Namespaced { binding } => {
                let alias = self.name(binding.sym());
                self.imports.push(Binding::ImportAll { from, alias });
            }
            ImportKind::Named { names } => {
                for specifier in &**names {
                    let imported = specifier.export_name();
                    let binding = Binding::Import {
                        name: self.name(imported),
                        alias: self.alias(imported, specifier.binding().sym()),
                        from: from.clone(),
                    };
                    self.imports.push(binding);
                }
            }
        }
        ControlFlow::Continue(())
    }

    fn visit_export_declaration(
        &mut self,
        node: &'ast ExportDeclaration,
    ) -> ControlFlow<Infallible> {
        match node {
            ExportDeclaration::ReExport {
                kind, specifier, ..
            } => {
                let from = self.name(specifier.sym());
                match kind {
                    ReExportKind::Namespaced { name } => {
                        let alias = name.map(|name| self.name(name));
                        self.reexports.push(Binding::ExportAll { from, alias });
                    }
                    ReExportKind::Named { names } => {
                        for specifier in &**names {
                            let (inner, outer) = (specifier.private_name(), specifier.alias());
                            let binding = Binding::ReExport {
                                name: self.name(inner),
                                alias: self.alias(inner, outer),
                                from: from.clone(),
                            };
                            self.reexports.push(binding);
                        }
                    }
                }
            }
            ExportDeclaration::List(names) => {
                for specifier in &**names {
                    let binding = self.local(specifier.private_name(), specifier.alias());
                    self.lists.push(binding);
                }
            }
            ExportDeclaration::VarStatement(var) => {
                for name in bound_names(var) {
                    let binding = self.local(name, name);
                    self.declarations.push(binding);
                }
            }
            ExportDeclaration::Declaration(declaration) => {
                for name in bound_names(declaration) {
                    let binding = self.local(name, name);
                    self.declarations.push(binding);
                }
            }
            ExportDeclaration::DefaultFunctionDeclaration(_)
            | ExportDeclaration::DefaultGeneratorDeclaration(_)
            | ExportDeclaration::DefaultAsyncFunctionDeclaration(_)
            | ExportDeclaration::DefaultAsyncGeneratorDeclaration(_)
            | ExportDeclaration::DefaultClassDeclaration(_)
            | ExportDeclaration::DefaultAssignmentExpression(_) => {
                self.declarations.push(Binding::Export {
                    name: js_string!("default"),
                    alias: None,
                });
            }
        }
        node.visit_with(self)
    }

    fn visit_expression(&mut self, node: &'ast Expression) -> ControlFlow<Infallible> {
        match node {
            Expression::ImportCall(_) => self.import_call = true,
            Expression::ImportMeta(_) => self.import_meta = true,
            _ => {}
        }
        node.visit_with(self)
    }
}

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
