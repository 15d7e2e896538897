/*---
description: "With __noNamespaceBox__: true, import() resolves to the namespace itself (XS's behaviour) and the c.__noNamespaceBox__ getter reports true; the option is read with ToBoolean."
flags: [module]
---*/
const source = new ModuleSource('export const x = 1;');
const c = new Compartment({ __noNamespaceBox__: true, modules: { m: { source } } });
assert.sameValue(c.__noNamespaceBox__, true);
const namespace = await c.import('m');
assert.sameValue(namespace[Symbol.toStringTag], 'Module');
assert.sameValue(namespace.x, 1);
const now = c.importNow('m');
assert.sameValue(now, namespace);
const truthy = new Compartment({ __noNamespaceBox__: 1, modules: { m: { source } } });
assert.sameValue(truthy.__noNamespaceBox__, true);
const getter = Object.getOwnPropertyDescriptor(Compartment.prototype, '__noNamespaceBox__');
assert.sameValue(typeof getter.get, 'function', 'an accessor on Compartment.prototype');
assert.sameValue(getter.set, undefined);
assert.throws(TypeError, () => getter.get.call({}), 'the getter checks its receiver');
