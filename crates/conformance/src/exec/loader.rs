//! Plain mode's module loader: resolves `./name` specifiers relative to the importing file and
//! loads only files inside the test's own directory (its `_FIXTURE` files), once per test, so
//! repeated imports yield the same module record. Boa's default loader would read anything
//! under the working directory.

use std::{
    cell::RefCell,
    collections::HashMap,
    path::{Path, PathBuf},
    rc::Rc,
};

use boa_engine::{
    Context, JsNativeError, JsResult, JsString, Module, Source,
    module::{ModuleLoader, ModuleRequest, Referrer, resolve_module_specifier},
};

pub struct FixtureLoader {
    /// The test's directory (canonical): nothing outside it is read.
    root: PathBuf,
    /// The test file, the referrer of imports that have no active script or module.
    test: PathBuf,
    /// Loaded modules by path and `type` attribute.
    modules: RefCell<HashMap<(PathBuf, Option<String>), Module>>,
}

impl FixtureLoader {
    pub fn new(test: &Path) -> Self {
        let root = test.parent().map(Path::to_path_buf).unwrap_or_default();
        Self {
            root,
            test: test.to_path_buf(),
            modules: RefCell::default(),
        }
    }

    /// Registers the test's own module, which some tests import.
    pub fn insert(&self, path: PathBuf, module: Module) {
        self.modules.borrow_mut().insert((path, None), module);
    }

    fn load(
        &self,
        referrer: &Referrer,
        request: &ModuleRequest,
        context: &mut Context,
    ) -> JsResult<Module> {
        let referrer_path = referrer.path().unwrap_or(&self.test);
        let path = resolve_module_specifier(
            Some(&self.root),
            request.specifier(),
            Some(referrer_path),
            context,
        )?;
        let kind = request
            .get_attribute("type")
            .map(JsString::to_std_string_escaped);
        let key = (path.clone(), kind.clone());
        if let Some(module) = self.modules.borrow().get(&key) {
            return Ok(module.clone());
        }
        let not_found = |e: std::io::Error| {
            JsNativeError::typ().with_message(format!(
                "cannot load module `{}`: {e}",
                request.specifier().to_std_string_escaped()
            ))
        };
        let module = match kind.as_deref() {
            None => Module::parse(
                Source::from_filepath(&path).map_err(not_found)?,
                None,
                context,
            )?,
            Some("json") => {
                let text = std::fs::read_to_string(&path).map_err(not_found)?;
                Module::parse_json(JsString::from(text.as_str()), context)?
            }
            Some(other) => {
                return Err(JsNativeError::typ()
                    .with_message(format!("unsupported import attribute type: '{other}'"))
                    .into());
            }
        };
        self.modules.borrow_mut().insert(key, module.clone());
        Ok(module)
    }
}

impl ModuleLoader for FixtureLoader {
    fn load_imported_module(
        self: Rc<Self>,
        referrer: Referrer,
        request: ModuleRequest,
        context: &RefCell<&mut Context>,
    ) -> impl Future<Output = JsResult<Module>> {
        let result = self.load(&referrer, &request, &mut context.borrow_mut());
        std::future::ready(result)
    }
}
