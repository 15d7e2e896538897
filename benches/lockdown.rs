//! lockdown() against its floor (a bare walk that only freezes every intrinsic) and against
//! building a context; harden() of a 10,000-object graph against a JS loop of `Object.freeze`
//! over the same objects. `cargo bench -p hardened-benches --bench lockdown`.

use std::{cell::RefCell, collections::HashSet};

use boa_engine::{Context, JsObject, JsValue, js_string, object::IntegrityLevel};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use hardened::Engine;
use hardened_benches::quiet;

/// The floor: freeze every object reachable from a fresh context's global (own values,
/// accessors, prototypes) plus the anonymous intrinsics.
fn freeze_everything(context: &mut Context) -> usize {
    let intrinsics = context.intrinsics();
    let iterators = intrinsics.objects().iterator_prototypes();
    let mut queue: Vec<JsObject> = vec![
        context.global_object(),
        intrinsics.constructors().generator_function().constructor(),
        intrinsics
            .constructors()
            .async_generator_function()
            .constructor(),
        intrinsics.constructors().async_function().constructor(),
        iterators.array(),
        iterators.string(),
        iterators.map(),
        iterators.set(),
        iterators.regexp_string(),
        iterators.async_from_sync_iterator(),
        iterators.iterator_helper(),
        iterators.wrap_for_valid_iterator(),
    ];
    let mut seen: HashSet<JsObject> = queue.iter().cloned().collect();
    while let Some(object) = queue.pop() {
        object
            .set_integrity_level(IntegrityLevel::Frozen, context)
            .expect("freeze");
        let mut next: Vec<JsObject> = object.prototype().into_iter().collect();
        for key in object.own_property_keys(context).expect("keys") {
            if let Some(descriptor) = object.borrow().properties().get(&key) {
                next.extend(
                    [descriptor.value(), descriptor.get(), descriptor.set()]
                        .into_iter()
                        .flatten()
                        .filter_map(JsValue::as_object),
                );
            }
        }
        for child in next {
            if seen.insert(child.clone()) {
                queue.push(child);
            }
        }
    }
    seen.len()
}

fn lockdown(c: &mut Criterion) {
    let mut group = c.benchmark_group("lockdown");
    println!(
        "floor walk freezes {} objects",
        freeze_everything(&mut Context::default())
    );
    group.bench_function("engine_lockdown", |b| {
        b.iter_batched(
            || Engine::new().expect("engine"),
            |mut engine| engine.lockdown(quiet()).expect("lockdown"),
            BatchSize::PerIteration,
        );
    });
    group.bench_function("floor_freeze_all_intrinsics", |b| {
        b.iter_batched(
            Context::default,
            |mut context| freeze_everything(&mut context),
            BatchSize::PerIteration,
        );
    });
    group.bench_function("plain_Context_default", |b| b.iter(Context::default));
    group.finish();
}

const GRAPH: &str = "(() => { const all = []; const make = depth => { const o = { n: all.length, list: [] }; all.push(o, o.list); if (depth > 0) for (let i = 0; i < 4; i++) o.list.push(make(depth - 1)); return o; }; const root = make(6); return { root, all }; })()";

fn harden(c: &mut Criterion) {
    let mut group = c.benchmark_group("harden_10k_objects");
    let mut engine = Engine::new().expect("engine");
    engine.lockdown(quiet()).expect("lockdown");
    let start = engine.start_compartment().clone();
    let freeze_all = engine
        .evaluate_value(&start, "all => { for (const o of all) Object.freeze(o); }")
        .expect("loop");
    let freeze_all = freeze_all.as_object().expect("function");
    let count: usize = engine
        .evaluate(&start, &format!("{GRAPH}.all.length"))
        .expect("count");
    println!("graph: {count} objects");
    let engine = RefCell::new(engine);
    let make = || {
        let engine = &mut engine.borrow_mut();
        let graph = engine.evaluate_value(&start, GRAPH).expect("graph");
        let graph = graph.as_object().expect("object");
        let root = graph
            .get(js_string!("root"), engine.raw_context())
            .expect("root");
        let all = graph
            .get(js_string!("all"), engine.raw_context())
            .expect("all");
        (root, all)
    };
    group.sample_size(20);
    group.bench_function("harden", |b| {
        b.iter_batched(
            make,
            |(root, _)| engine.borrow_mut().harden(&root).expect("harden"),
            BatchSize::PerIteration,
        );
    });
    group.bench_function("js_loop_Object_freeze", |b| {
        b.iter_batched(
            make,
            |(_, all)| {
                freeze_all
                    .call(
                        &JsValue::undefined(),
                        &[all],
                        engine.borrow_mut().raw_context(),
                    )
                    .expect("freeze")
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, lockdown, harden);
criterion_main!(benches);
