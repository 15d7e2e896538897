/*---
description: "Once the module is imported, the namespace from c.module() reads the live exports of the same instance: values, keys, `in`, descriptors (reported configurable), Symbol.toStringTag."
flags: [module]
---*/
const c = new Compartment({
  modules: { m: { source: new ModuleSource('export let count = 0; export function bump() { count += 1; }') } },
});
const deferred = c.module('m');
const { namespace } = await c.import('m');
assert.notSameValue(deferred, namespace, 'a distinct object standing for the namespace');
assert.sameValue(deferred.count, 0);
namespace.bump();
assert.sameValue(deferred.count, 1, 'live');
assert.sameValue(deferred.bump, namespace.bump);
assert.sameValue('count' in deferred, true);
assert.sameValue('missing' in deferred, false);
assert.compareArray(Object.keys(deferred), Object.keys(namespace));
assert.sameValue(deferred[Symbol.toStringTag], 'Module');
const descriptor = Object.getOwnPropertyDescriptor(deferred, 'count');
assert.sameValue(descriptor.value, 1);
assert.sameValue(descriptor.writable, true);
assert.sameValue(descriptor.enumerable, true);
assert.sameValue(descriptor.configurable, true, 'reported configurable: a proxy cannot claim more');
