/*---
description: "The namespace from c.module() can never be written, before or after loading: set, defineProperty, delete, setPrototypeOf and preventExtensions throw a TypeError (even through Reflect, as the SES shim's traps do); the module's bindings are unchanged."
flags: [module]
---*/
const c = new Compartment({ modules: { m: { source: new ModuleSource('export let x = 1;') } } });
const ns = c.module('m');
const attempts = {
  set: () => { ns.x = 2; },
  setNew: () => { ns.y = 2; },
  define: () => Object.defineProperty(ns, 'x', { value: 2 }),
  delete: () => { delete ns.x; },
  setPrototypeOf: () => Object.setPrototypeOf(ns, {}),
  preventExtensions: () => Object.preventExtensions(ns),
};
for (const [name, attempt] of Object.entries(attempts)) assert.throws(TypeError, attempt, `${name} before loading`);
await c.import('m');
for (const [name, attempt] of Object.entries(attempts)) assert.throws(TypeError, attempt, `${name} after loading`);
assert.throws(TypeError, () => Reflect.set(ns, 'x', 3), 'Reflect.set throws too (the traps throw, as in the SES shim)');
assert.sameValue(ns.x, 1);
assert.sameValue(Object.getPrototypeOf(ns), null);
