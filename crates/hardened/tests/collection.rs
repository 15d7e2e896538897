//! Dropped compartments are collected: a host that makes compartments per request gets its
//! memory back, whatever the guests did (import modules that capture their global, run jobs,
//! keep closures of each other). Memory is measured with a counting allocator, so "collected"
//! means the bytes came back, not that some counter says so.
//!
//! One Boa 0.22 defect is outside our reach: a module namespace object Boa has made is never
//! freed, nor is the module (and all it reaches) when it exports a binding (the namespace caches
//! its resolved bindings in an untraced field, which the collector counts as a root). The
//! modules imported here as roots therefore export nothing; the canary below fails when Boa
//! fixes it, and then they should export.

use std::{
    alloc::{GlobalAlloc, Layout, System},
    sync::atomic::{AtomicIsize, Ordering},
};

use hardened::{
    CompartmentOptions, Engine, LockdownOptions, ModuleDescriptor, boa_engine::JsValue,
};

/// The system allocator, counting the bytes currently allocated.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call is forwarded unchanged to `System`; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Guest code run from the start compartment: `count` compartments, each importing modules
/// that capture its global and its `Compartment`, running promise jobs, holding a closure of
/// the compartment made before it and handing one of its own to the next.
const ROUND: &str = r#"
  (count) => {
    let previous = () => 0;
    globalThis.imported = 0;
    for (let i = 0; i < count; i++) {
      const c = new Compartment({
        __options__: true,
        globals: { previous: (...args) => previous(...args) },
        resolveHook: specifier => specifier,
        // Failed imports whose reasons hold the compartment, thrown and rejected.
        importHook: specifier => {
          if (specifier === 'thrown') throw { c };
          return Promise.reject({ c });
        },
        modules: {
          g: { source: new ModuleSource(`export const g = globalThis; export const C = Compartment;`) },
          broken: { source: new ModuleSource(`import 'rejected';`) },
          main: { source: new ModuleSource(`
            import { g, C } from 'g';
            g.f = () => [g, C, previous()];
            Promise.resolve().then(() => { g.later = new C(); });
          `) },
        },
      });
      c.import('main').then(() => { previous = c.globalThis.f; globalThis.imported++; });
      c.evaluate('globalThis.keep = (x) => [x, globalThis, previous]; Promise.resolve(keep).then(k => k(1))');
      c.module('g');
      for (const failing of ['thrown', 'rejected', 'broken']) {
        c.import(failing).catch(() => { globalThis.imported++; });
      }
    }
  }
"#;

fn live() -> isize {
    LIVE.load(Ordering::Relaxed)
}

/// Makes `count` compartments from JavaScript and `count` from Rust, all dropped at the end.
fn round(engine: &mut Engine, count: u32) {
    let start = engine.start_compartment().clone();
    let make = engine
        .evaluate_value(&start, ROUND)
        .expect("round function")
        .as_object()
        .expect("a function");
    engine
        .call(&make, &JsValue::undefined(), &[count.into()])
        .expect("round");
    assert_eq!(
        engine
            .evaluate::<u32>(&start, "imported")
            .expect("imported"),
        4 * count
    );
    for _ in 0..count {
        let guest = engine
            .new_compartment(
                CompartmentOptions::new()
                    .resolve_hook(|_, specifier, _| Ok(specifier.to_string()))
                    .module("g", ModuleDescriptor::source("export const g = globalThis;"))
                    .module(
                        "main",
                        ModuleDescriptor::source(
                            "import { g } from 'g'; g.f = () => g; Promise.resolve(g).then(x => { x.y = 1; });",
                        ),
                    ),
            )
            .expect("compartment");
        engine.import(&guest, "main").expect("import");
        assert_eq!(engine.evaluate::<i32>(&guest, "y").expect("the job ran"), 1);
    }
    engine.collect_garbage();
}

#[test]
fn dropped_compartments_give_their_memory_back() {
    let mut engine = Engine::new().expect("engine");
    engine
        .lockdown(LockdownOptions::default())
        .expect("lockdown");
    const COUNT: u32 = 1000;
    // Warm up: caches, shapes and the engine's tables reach their working size.
    round(&mut engine, COUNT);
    let baseline = live();
    round(&mut engine, COUNT);
    round(&mut engine, COUNT);
    let dropped = 4 * COUNT;
    let grown = live() - baseline;
    let per_compartment = grown as f64 / f64::from(dropped);
    eprintln!(
        "{grown} bytes kept after dropping {dropped} compartments ({per_compartment:.1} per compartment)"
    );
    // A compartment costs a few KiB alive; what stays must be noise, not per-compartment.
    assert!(
        per_compartment < 16.0,
        "{grown} bytes stayed after dropping {dropped} compartments"
    );
    let start = engine.start_compartment().clone();
    assert_eq!(
        engine
            .evaluate::<i32>(&start, "new Compartment().evaluate('1 + 1')")
            .expect("the engine still works"),
        2
    );
}

/// Canary for the Boa 0.22 defect above: plain Boa, no compartment, one module with one export
/// whose namespace is asked for. When this fails, Boa frees namespaces: let the modules of
/// `ROUND` export their bindings and remove the limitation from `docs/security.md`.
#[test]
fn boa_never_frees_a_module_namespace() {
    use hardened::boa_engine::{Context, Module, Source, builtins::promise::PromiseState};
    let mut context = Context::default();
    let once = |context: &mut Context| {
        let module =
            Module::parse(Source::from_bytes("export const x = 1;"), None, context).expect("parse");
        let promise = module.load_link_evaluate(context);
        context.run_jobs().expect("jobs");
        assert!(matches!(promise.state(), PromiseState::Fulfilled(_)));
        module.namespace(context);
    };
    for _ in 0..100 {
        once(&mut context);
    }
    hardened::boa_engine::gc::force_collect();
    let baseline = live();
    for _ in 0..1000 {
        once(&mut context);
    }
    hardened::boa_engine::gc::force_collect();
    let per_module = (live() - baseline) / 1000;
    assert!(
        per_module > 500,
        "Boa now frees module namespaces ({per_module} bytes kept per module)"
    );
}
