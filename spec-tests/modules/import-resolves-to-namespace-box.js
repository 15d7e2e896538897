/*---
description: "By default (the SES shim's behaviour) import() resolves to a box {namespace}: an ordinary object whose only own property is the module namespace; c.__noNamespaceBox__ is false."
flags: [module]
---*/
const c = new Compartment({ modules: { m: { source: new ModuleSource('export const x = 1;') } } });
assert.sameValue(c.__noNamespaceBox__, false);
const box = await c.import('m');
assert.compareArray(Reflect.ownKeys(box), ['namespace']);
assert.sameValue(Object.getPrototypeOf(box), Object.prototype);
const { namespace } = box;
assert.sameValue(namespace[Symbol.toStringTag], 'Module');
assert.sameValue(namespace.x, 1);
const again = await c.import('m');
assert.notSameValue(again, box, 'a fresh box each time');
assert.sameValue(again.namespace, namespace, 'around the same namespace');
const explicit = new Compartment({ __noNamespaceBox__: false, modules: { m: { source: new ModuleSource('') } } });
assert.sameValue(explicit.__noNamespaceBox__, false);
const explicitBox = await explicit.import('m');
assert.compareArray(Object.keys(explicitBox), ['namespace']);
