//! A 100-module graph loaded, linked and evaluated through a compartment vs through plain Boa
//! with a loader that parses from a map of sources, side by side in one run.
//!
//! `cargo bench -p hardened-benches --bench modules`. Two shapes: a chain (`m0` imports `m1`
//! ... imports `m99`) and a diamond (`m0` imports `m1`..`m98`, each of which imports `m99`).
//! Every iteration parses all 100 sources again (a fresh compartment, or a cleared plain cache).

use std::{cell::RefCell, collections::HashMap, rc::Rc};

use boa_engine::{
    Context, JsNativeError, JsResult, Module, Source,
    builtins::promise::PromiseState,
    module::{ModuleLoader, ModuleRequest, Referrer},
};
use criterion::{Criterion, criterion_group, criterion_main};
use hardened::{CompartmentOptions, Engine, ModuleDescriptor};

const MODULES: usize = 100;

/// Module sources by specifier.
fn graph(diamond: bool) -> HashMap<String, String> {
    let last = MODULES - 1;
    (0..MODULES)
        .map(|i| {
            let imports: Vec<usize> = match (diamond, i) {
                (_, i) if i == last => vec![],
                (true, 0) => (1..last).collect(),
                (true, _) => vec![last],
                (false, i) => vec![i + 1],
            };
            let mut source = String::new();
            for j in &imports {
                source.push_str(&format!("import {{ value as v{j} }} from 'm{j}';\n"));
            }
            let sum: Vec<String> = imports.iter().map(|j| format!("v{j}")).collect();
            source.push_str(&format!(
                "function work(n) {{ let s = 0; for (let k = 0; k < n; k++) s += k % {}; return s; }}\n\
                 export const value = {} + work(10) + {i};\n",
                i + 2,
                if sum.is_empty() { "0".into() } else { sum.join(" + ") }
            ));
            (format!("m{i}"), source)
        })
        .collect()
}

/// Plain Boa's side: parses each requested specifier from the map, once per iteration.
struct SourceMapLoader {
    sources: HashMap<String, String>,
    parsed: RefCell<HashMap<String, Module>>,
}

impl ModuleLoader for SourceMapLoader {
    async fn load_imported_module(
        self: Rc<Self>,
        _referrer: Referrer,
        request: ModuleRequest,
        context: &RefCell<&mut Context>,
    ) -> JsResult<Module> {
        let specifier = request.specifier().to_std_string_escaped();
        if let Some(module) = self.parsed.borrow().get(&specifier) {
            return Ok(module.clone());
        }
        let source = self
            .sources
            .get(&specifier)
            .ok_or_else(|| JsNativeError::typ().with_message("no such module"))?;
        let module = Module::parse(Source::from_bytes(source), None, &mut context.borrow_mut())?;
        self.parsed.borrow_mut().insert(specifier, module.clone());
        Ok(module)
    }
}

fn modules(c: &mut Criterion) {
    for (name, diamond) in [
        ("module_graph_chain_100", false),
        ("module_graph_diamond_100", true),
    ] {
        let sources = graph(diamond);
        let mut group = c.benchmark_group(name);
        group.sample_size(20);

        let mut engine = Engine::new().expect("engine");
        let shared = std::sync::Arc::new(sources.clone());
        group.bench_function("compartment", |b| {
            b.iter(|| {
                let sources = shared.clone();
                let options = CompartmentOptions::new()
                    .resolve_hook(|_, specifier, _| Ok(specifier.to_owned()))
                    .import_hook(move |_, specifier| {
                        Ok(sources
                            .get(specifier)
                            .map(|s| ModuleDescriptor::source(s.clone())))
                    });
                let compartment = engine.new_compartment(options).expect("compartment");
                engine.import(&compartment, "m0").expect("graph")
            });
        });

        let loader = Rc::new(SourceMapLoader {
            sources: sources.clone(),
            parsed: RefCell::default(),
        });
        let mut context = Context::builder()
            .module_loader(loader.clone())
            .build()
            .expect("context");
        // Boa 0.22 leaves a few values on its VM stack for every module it links and evaluates
        // from native code (the compartment side runs those steps in a JavaScript frame, which
        // discards them); unbounded here, plain Boa would stop with a stack-size error after
        // ~2,000 modules.
        context
            .runtime_limits_mut()
            .set_stack_size_limit(usize::MAX);
        group.bench_function("plain_boa_map_loader", |b| {
            b.iter(|| {
                loader.parsed.borrow_mut().clear();
                let root = Module::parse(Source::from_bytes(&sources["m0"]), None, &mut context)
                    .expect("root parses");
                let promise = root.load_link_evaluate(&mut context);
                context.run_jobs().expect("jobs");
                assert!(matches!(promise.state(), PromiseState::Fulfilled(_)));
                root
            });
        });
        group.finish();
    }
}

criterion_group!(benches, modules);
criterion_main!(benches);
