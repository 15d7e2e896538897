/*---
description: A resolveHook returning a non-string (a number, undefined, an object with toString) fails the load with a TypeError saying it must return a string; no coercion happens.
flags: [module]
---*/
for (const [name, value] of [['number', 42], ['undefined', undefined], ['object', { toString() { return 'dep'; } }]]) {
  const c = new Compartment({
    resolveHook: () => value,
    modules: {
      main: { source: new ModuleSource('import "dep";') },
      dep: { source: new ModuleSource('') },
    },
  });
  const error = assert.throws(TypeError, () => c.importNow('main'), name);
  assert(error.message.includes('must return a string'), `${name}: ${error.message}`);
  let rejected;
  try { await c.import('main'); } catch (e) { rejected = e; }
  assert.sameValue(rejected && rejected.constructor, TypeError, `${name}: import rejects`);
}
