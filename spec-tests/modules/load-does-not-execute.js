/*---
description: "load() loads a module graph (hooks run) without executing it and resolves to undefined; the modules run once, on the first import, and load() after that is harmless."
flags: [module]
---*/
const log = [];
const c = new Compartment({
  globals: { log },
  resolveHook: specifier => specifier,
  importHook: async specifier => {
    log.push(`hook:${specifier}`);
    return { source: new ModuleSource(specifier === 'main' ? 'import "dep"; log.push("run:main");' : 'log.push("run:dep");') };
  },
});
const result = await c.load('main');
assert.sameValue(result, undefined);
assert.compareArray(log, ['hook:main', 'hook:dep'], 'loaded, not executed');
await null;
assert.compareArray(log, ['hook:main', 'hook:dep']);
const main = c.importNow('main');
assert.sameValue(main[Symbol.toStringTag], 'Module');
assert.compareArray(log, ['hook:main', 'hook:dep', 'run:dep', 'run:main'], 'executed on import, hooks not run again');
await c.load('main');
await c.import('main');
assert.sameValue(log.length, 4, 'runs once');
let rejected;
try { await c.load(42); } catch (e) { rejected = e; }
assert.sameValue(rejected && rejected.constructor, TypeError, 'load() rejects a non-string specifier');
