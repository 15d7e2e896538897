//! Module source text and its static facts (bindings, requests, `import.meta`, top-level
//! `await`), read from Boa's AST.
//!
//! A source is parsed with Boa's parser for its static facts; each compartment that instantiates
//! it parses it again into its own module record (Boa has no way to share a parsed module).
//! Sources given by a host are analysed only when a fact is asked for.

use std::{cell::OnceCell, convert::Infallible, ops::ControlFlow, rc::Rc};

use boa_ast::{
    Expression,
    declaration::{ExportDeclaration, ImportDeclaration, ImportKind, ReExportKind},
    operations::{ContainsSymbol, bound_names, contains},
    visitor::{VisitWith, Visitor},
};
use boa_engine::{JsNativeError, JsResult, JsString, js_string};
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
