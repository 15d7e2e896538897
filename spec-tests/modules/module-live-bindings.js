/*---
description: "Exports are live bindings: after an exported function changes `export let x`, the namespace and an importing module both see the new value; imports cannot be assigned."
flags: [module]
---*/
const c = new Compartment({
  resolveHook: specifier => specifier,
  modules: {
    counter: { source: new ModuleSource('export let x = 0; export function increment() { x += 1; return x; }') },
    user: { source: new ModuleSource(`
      import { x, increment } from "counter";
      export const read = () => x;
      export const bump = () => increment();
      export const assign = () => { x = 10; };
    `) },
  },
});
const { namespace: counter } = await c.import('counter');
const { namespace: user } = await c.import('user');
assert.sameValue(counter.x, 0);
assert.sameValue(user.read(), 0);
counter.increment();
assert.sameValue(counter.x, 1, 'namespace sees the new value');
assert.sameValue(user.read(), 1, 'importer sees the new value');
user.bump();
assert.sameValue(counter.x, 2);
assert.throws(TypeError, () => user.assign(), 'an import binding is immutable');
assert.sameValue(counter.x, 2);
assert.throws(TypeError, () => { counter.x = 5; }, 'namespace properties are not writable');
