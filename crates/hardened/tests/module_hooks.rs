//! The Rust module hooks and options of `CompartmentOptions`: one shape for every hook (a host
//! function with a `Caller`), parity with the JavaScript options (`moduleMapHook`,
//! `importMetaHook`, `transforms`, `noAggregateLoadErrors`, `__noNamespaceBox__`).

use hardened::{
    Caller, CompartmentOptions, Engine, Error, HostError, ModuleDescriptor, boa_engine::JsValue,
};

fn thrown(result: Result<impl std::fmt::Debug, Error>) -> String {
    match result {
        Err(Error::Thrown(thrown)) => format!("{}: {}", thrown.name, thrown.message),
        other => panic!("expected a thrown error, got {other:?}"),
    }
}

#[test]
fn a_hook_reads_host_state_through_its_caller() {
    struct Library(Vec<(&'static str, &'static str)>);
    let mut engine = Engine::new().unwrap();
    engine.set_data(Library(vec![("greet", "export default 'hi';")]));
    let app = engine
        .new_compartment(CompartmentOptions::new().import_hook(
            |caller: &mut Caller<'_>, specifier| {
                let library = caller.data::<Library>().expect("set by the host");
                Ok(library
                    .0
                    .iter()
                    .find(|(name, _)| *name == specifier)
                    .map(|(_, text)| ModuleDescriptor::source(*text)))
            },
        ))
        .unwrap();
    let greet = engine.import(&app, "greet").unwrap();
    assert_eq!(engine.get::<String>(&greet, "default").unwrap(), "hi");
    // `None` is a module that does not exist, named in the error.
    let missing =
        engine.evaluate_value(&app, "import('nope').catch(e => `${e.name}: ${e.message}`)");
    let missing = engine.settle(&missing.unwrap()).unwrap();
    assert_eq!(
        missing.as_string().unwrap().to_std_string_escaped(),
        "TypeError: module \"nope\" not found"
    );
}

#[test]
fn hook_errors_reach_the_importing_code_as_thrown() {
    let mut engine = Engine::new().unwrap();
    let app = engine
        .new_compartment(
            CompartmentOptions::new()
                .module("main", ModuleDescriptor::source("import './secret.js';"))
                .resolve_hook(|_, specifier, _| match specifier {
                    "./secret.js" => Err(HostError::range_error("not for you")),
                    other => Ok(other.to_owned()),
                }),
        )
        .unwrap();
    let message = thrown(engine.import(&app, "main"));
    assert!(message.contains("not for you"), "{message}");
    // The guest can catch it as the error the hook chose.
    let caught = engine
        .evaluate_value(&app, "import('main').catch(e => e.name)")
        .and_then(|p| engine.settle(&p))
        .unwrap();
    let name = caught.as_string().unwrap().to_std_string_escaped();
    assert!(name == "RangeError" || name == "AggregateError", "{name}");
}

#[test]
fn the_module_map_hook_is_asked_before_the_import_hook() {
    let mut engine = Engine::new().unwrap();
    let app = engine
        .new_compartment(
            CompartmentOptions::new()
                .module_map_hook(|_, specifier| {
                    Ok((specifier == "mapped")
                        .then(|| ModuleDescriptor::source("export default 'map';")))
                })
                .import_hook(|_, specifier| {
                    Ok(Some(ModuleDescriptor::source(format!(
                        "export default 'import:{specifier}';"
                    ))))
                }),
        )
        .unwrap();
    let mapped = engine.import(&app, "mapped").unwrap();
    assert_eq!(engine.get::<String>(&mapped, "default").unwrap(), "map");
    let other = engine.import(&app, "other").unwrap();
    assert_eq!(
        engine.get::<String>(&other, "default").unwrap(),
        "import:other"
    );
}

#[test]
fn import_meta_hook_and_transforms_run_for_rust_compartments() {
    let mut engine = Engine::new().unwrap();
    let app = engine
        .new_compartment(
            CompartmentOptions::new()
                .module(
                    "m",
                    ModuleDescriptor::source("export default [import.meta.url, import.meta.tag];"),
                )
                .import_meta_hook(|caller, specifier, meta| {
                    caller.set(meta, "url", format!("mem:{specifier}"))?;
                    caller.set(meta, "tag", 7)
                })
                .transform(|_, source| Ok(source.replace("SEVEN", "7")))
                .transform(|_, source| Ok(format!("{source}\n;'transformed twice'"))),
        )
        .unwrap();
    let m = engine.import(&app, "m").unwrap();
    let pair: Vec<JsValue> = engine.get(&m, "default").unwrap();
    assert_eq!(
        pair[0].as_string().unwrap().to_std_string_escaped(),
        "mem:m"
    );
    assert_eq!(pair[1].as_number(), Some(7.0));
    assert_eq!(
        engine
            .evaluate::<String>(&app, "SEVEN * 6")
            .unwrap_or_default(),
        "transformed twice"
    );
    assert_eq!(
        engine.evaluate::<f64>(&app, "(SEVEN * 6)").unwrap_or(0.0),
        0.0
    );
    // A transform that fails stops the evaluation with its error.
    let failing = engine
        .new_compartment(
            CompartmentOptions::new().transform(|_, _| Err(HostError::type_error("refused"))),
        )
        .unwrap();
    assert_eq!(
        thrown(engine.evaluate_value(&failing, "1")),
        "TypeError: refused"
    );
}

#[test]
fn load_errors_are_aggregated_unless_asked_not_to() {
    let graph = |first_only: bool| {
        CompartmentOptions::new()
            .module("main", ModuleDescriptor::source("import 'a'; import 'b';"))
            .resolve_hook(|_, specifier, _| Ok(specifier.to_owned()))
            .import_now_hook(|_, specifier| Err(HostError::range_error(format!("no {specifier}"))))
            .no_aggregate_load_errors(first_only)
    };
    let mut engine = Engine::new().unwrap();
    let aggregated = engine.new_compartment(graph(false)).unwrap();
    let first = engine.new_compartment(graph(true)).unwrap();
    let error_of = |engine: &mut Engine, c| thrown(engine.import_now(c, "main"));
    let all = error_of(&mut engine, &aggregated);
    // (The synchronous loader of `importNow` meets both failures; an async import stops at a
    // hook's synchronous failure.)
    assert!(
        all.starts_with("TypeError: ") && all.contains("2 underlying failures"),
        "{all}"
    );
    assert_eq!(
        error_of(&mut engine, &first),
        "RangeError: no a (imported by \"main\")"
    );
}

#[test]
fn namespace_boxing_is_chosen_per_compartment() {
    let mut engine = Engine::new().unwrap();
    let module = ModuleDescriptor::source("export const x = 1;");
    let boxed = engine
        .new_compartment(CompartmentOptions::new().module("m", module.clone()))
        .unwrap();
    let unboxed = engine
        .new_compartment(
            CompartmentOptions::new()
                .module("m", module)
                .namespace_box(false),
        )
        .unwrap();
    let start = engine.start_compartment().clone();
    for (compartment, expected) in [(&boxed, "namespace"), (&unboxed, "x")] {
        engine
            .set_global(&start, "c", compartment.as_object().clone())
            .unwrap();
        let keys = engine
            .evaluate_value(&start, "c.import('m').then(ns => Object.keys(ns).join())")
            .and_then(|p| engine.settle(&p))
            .unwrap();
        assert_eq!(keys.as_string().unwrap().to_std_string_escaped(), expected);
    }
}
