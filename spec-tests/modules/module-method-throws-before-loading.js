/*---
description: "Reading the namespace from c.module() before its module's graph has loaded throws a TypeError saying it has not been loaded (get, has, ownKeys, getOwnPropertyDescriptor); getPrototypeOf is null; reads work once the module is imported."
flags: [module]
---*/
const c = new Compartment({
  name: 'deferred',
  modules: { m: { source: new ModuleSource('export const x = 1;') } },
});
const ns = c.module('m');
const error = assert.throws(TypeError, () => ns.x, 'get');
assert(error.message.includes('"m"') && error.message.includes('not been loaded'), error.message);
assert.throws(TypeError, () => 'x' in ns, 'has');
assert.throws(TypeError, () => Object.keys(ns), 'ownKeys');
assert.throws(TypeError, () => Object.getOwnPropertyDescriptor(ns, 'x'), 'getOwnPropertyDescriptor');
assert.sameValue(Object.getPrototypeOf(ns), null, 'getPrototypeOf works before loading');
await c.import('m');
assert.sameValue(ns.x, 1, 'readable after import');
