//! Modules from the Rust side: descriptors built from Rust values, hooks written as Rust
//! closures, and a directory of module files as a confined capability.

use std::path::{Component, Path, PathBuf};

use boa_engine::{
    Context, JsObject, JsResult, JsString, JsValue, object::ObjectInitializer, property::Attribute,
};

use super::ModuleTable;
use super::source::{self, Language, ModuleText};
use crate::record::Compartment;

/// Where a compartment gets a module from, as a Rust value (see [`crate::CompartmentOptions::module`]).
///
/// ```
/// use hardened::{CompartmentOptions, Engine, ModuleDescriptor};
///
/// let mut engine = Engine::new()?;
/// let config = ModuleDescriptor::exports([("port", 8080.into())]);
/// let app = engine.new_compartment(
///     CompartmentOptions::new()
///         .module("config", config)
///         .module("main", ModuleDescriptor::source("import { port } from 'config'; export default port + 1;"))
///         .resolve_hook(|_, specifier, _referrer| Ok(specifier.to_owned())),
/// )?;
/// let main = engine.import(&app, "main")?;
/// assert_eq!(engine.get::<u32>(&main, "default")?, 8081);
/// # Ok::<(), hardened::Error>(())
/// ```
#[derive(Clone)]
#[non_exhaustive]
pub enum ModuleDescriptor {
    /// JavaScript module text, instantiated in the compartment that loads it.
    Source(String),
    /// JavaScript module text whose `import.meta` starts with these properties.
    SourceWithMeta(String, Vec<(String, JsValue)>),
    /// A JSON module: its default export is the parsed text.
    Json(String),
    /// A module whose exports are these values (a virtual namespace).
    Exports(Vec<(String, JsValue)>),
    /// The instance another compartment has for a specifier (shared, initialised once).
    Alias {
        /// The specifier in `compartment`.
        specifier: String,
        /// The compartment that owns the instance.
        compartment: Compartment,
    },
    /// Any JavaScript module descriptor (`{source}`, `{namespace}`, a `ModuleSource`...).
    Value(JsValue),
}

impl ModuleDescriptor {
    /// JavaScript module text.
    pub fn source(text: impl Into<String>) -> Self {
        Self::Source(text.into())
    }

    /// A module exporting the given values.
    pub fn exports<N: Into<String>>(exports: impl IntoIterator<Item = (N, JsValue)>) -> Self {
        Self::Exports(
            exports
                .into_iter()
                .map(|(name, value)| (name.into(), value))
                .collect(),
        )
    }

    /// The JavaScript descriptor this stands for.
    pub(crate) fn to_js(&self, context: &mut Context) -> JsResult<JsValue> {
        let source = |text: &str, language, context: &mut Context| -> JsValue {
            let prototype = ModuleTable::get(context)
                .source_prototype
                .get()
                .cloned()
                .expect("ModuleSource is made when the engine is built");
            let text = ModuleText::new(text.encode_utf16().collect(), language);
            source::make_instance(text, prototype).into()
        };
        let object = |entries: &[(String, JsValue)]| {
            let object = JsObject::with_null_proto();
            for (name, value) in entries {
                object.insert_property(
                    JsString::from(name.as_str()),
                    boa_engine::property::PropertyDescriptor::builder()
                        .value(value.clone())
                        .writable(true)
                        .enumerable(true)
                        .configurable(true),
                );
            }
            object
        };
        let descriptor = |pairs: Vec<(&str, JsValue)>, context: &mut Context| -> JsValue {
            let mut builder = ObjectInitializer::new(context);
            for (key, value) in pairs {
                builder.property(JsString::from(key), value, Attribute::all());
            }
            builder.build().into()
        };
        Ok(match self {
            Self::Source(text) => {
                let source = source(text, Language::JavaScript, context);
                descriptor(vec![("source", source)], context)
            }
            Self::SourceWithMeta(text, meta) => {
                let source = source(text, Language::JavaScript, context);
                let meta = object(meta);
                descriptor(
                    vec![("source", source), ("importMeta", meta.into())],
                    context,
                )
            }
            Self::Json(text) => {
                let source = source(text, Language::Json, context);
                descriptor(vec![("source", source)], context)
            }
            Self::Exports(exports) => {
                let namespace = object(exports);
                // Host functions among the exports get their entry check, as endowments do.
                crate::bounded::reentry::handed_in(&namespace.clone().into(), context)?;
                descriptor(vec![("namespace", namespace.into())], context)
            }
            Self::Alias {
                specifier,
                compartment,
            } => descriptor(
                vec![
                    ("namespace", JsString::from(specifier.as_str()).into()),
                    ("compartment", compartment.as_object().clone().into()),
                ],
                context,
            ),
            Self::Value(value) => {
                // Host functions in it get their entry check, as endowments do.
                crate::bounded::reentry::handed_in(value, context)?;
                value.clone()
            }
        })
    }
}

/// What an import hook's descriptor becomes for the loader.
impl crate::host_fn::IntoJs for ModuleDescriptor {
    fn into_js(self, context: &mut Context) -> JsResult<JsValue> {
        self.to_js(context)
    }
}

/// Module files under one directory, as a capability: relative specifiers (`./x.js`,
/// `../y.mjs`) resolve against the importing module's path and may not leave the directory;
/// other specifiers are refused. Each module's `import.meta.url` is its `file://` URL.
#[derive(Clone, Debug)]
pub struct ModuleDirectory {
    root: PathBuf,
}

impl ModuleDirectory {
    /// Confines module loading to `root` (which must exist).
    ///
    /// # Errors
    /// When `root` cannot be canonicalised.
    pub fn new(root: impl AsRef<Path>) -> std::io::Result<Self> {
        Ok(Self {
            root: root.as_ref().canonicalize()?,
        })
    }

    /// The directory modules are confined to.
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The specifier of a file under the root: its path relative to the root, `/`-separated,
    /// starting with `./`.
    ///
    /// # Errors
    /// When the file is not under the root.
    pub fn specifier_of(&self, file: impl AsRef<Path>) -> Result<String, String> {
        let file = file
            .as_ref()
            .canonicalize()
            .map_err(|error| format!("{}: {error}", file.as_ref().display()))?;
        let relative = file.strip_prefix(&self.root).map_err(|_| {
            format!(
                "{} is outside the module root {}",
                file.display(),
                self.root.display()
            )
        })?;
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Ok(format!("./{}", parts.join("/")))
    }

    /// Resolves `specifier` imported by the module at `referrer` (both root-relative).
    pub(crate) fn resolve(&self, specifier: &str, referrer: &str) -> Result<String, String> {
        if !(specifier.starts_with("./") || specifier.starts_with("../")) {
            return Err(format!(
                "cannot import \"{specifier}\" from \"{referrer}\": only relative specifiers \
                 (./ or ../) inside the module root are allowed"
            ));
        }
        let mut parts: Vec<&str> = referrer
            .split('/')
            .filter(|p| !p.is_empty() && *p != ".")
            .collect();
        parts.pop();
        for part in specifier.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    if parts.pop().is_none() {
                        return Err(format!(
                            "cannot import \"{specifier}\" from \"{referrer}\": it leaves the module root"
                        ));
                    }
                }
                part => parts.push(part),
            }
        }
        Ok(format!("./{}", parts.join("/")))
    }

    /// Reads the module at a root-relative specifier.
    pub(crate) fn load(&self, specifier: &str) -> Result<ModuleDescriptor, String> {
        let relative = Path::new(specifier.trim_start_matches("./"));
        if relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
        {
            return Err(format!(
                "module \"{specifier}\" is not inside the module root"
            ));
        }
        let path = self.root.join(relative);
        // A symbolic link may point anywhere: the real path must still be under the root. A
        // missing file and one outside the root get the same answer, so that a link out of the
        // root does not tell which files exist beyond it.
        let real = path
            .canonicalize()
            .ok()
            .filter(|real| real.starts_with(&self.root))
            .ok_or_else(|| {
                format!("cannot load module \"{specifier}\": no such file in the module root")
            })?;
        let text = std::fs::read_to_string(&real)
            .map_err(|error| format!("cannot load module \"{specifier}\": {error}"))?;
        let url = format!("file://{}", real.display());
        if real.extension().is_some_and(|e| e == "json") {
            return Ok(ModuleDescriptor::Json(text));
        }
        Ok(ModuleDescriptor::SourceWithMeta(
            text,
            vec![("url".to_owned(), JsString::from(url).into())],
        ))
    }
}
