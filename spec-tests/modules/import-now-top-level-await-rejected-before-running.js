/*---
description: "importNow() of a graph in which any module uses top-level await throws a TypeError before running any module of the graph (no side effects); import() of the same graph works."
flags: [module]
---*/
const log = [];
const c = new Compartment({
  globals: { log },
  resolveHook: specifier => specifier,
  modules: {
    main: { source: new ModuleSource('log.push("main"); import "first"; import "awaits"; export const done = true;') },
    first: { source: new ModuleSource('log.push("first");') },
    awaits: { source: new ModuleSource('log.push("awaits"); await null; log.push("awaited");') },
    direct: { source: new ModuleSource('log.push("direct"); await 0;') },
  },
});
const error = assert.throws(TypeError, () => c.importNow('main'));
assert(error.message.includes('top-level await'), error.message);
assert.compareArray(log, [], 'no module of the graph ran');
const direct = assert.throws(TypeError, () => c.importNow('direct'));
assert(direct.message.includes('top-level await'), direct.message);
assert.compareArray(log, []);
const { namespace } = await c.import('main');
assert.sameValue(namespace.done, true);
assert.compareArray(log, ['first', 'awaits', 'awaited', 'main']);
