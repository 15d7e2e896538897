/*---
description: "import(), importNow(), load() and module() require a string specifier: numbers, undefined, objects with toString and String objects are a TypeError (import/load reject, importNow/module throw); no hook runs."
flags: [module]
---*/
const log = [];
const c = new Compartment({
  importHook: async s => { log.push(s); return { source: new ModuleSource('') }; },
  importNowHook: s => { log.push(s); return { source: new ModuleSource('') }; },
});
const values = [1, undefined, { toString() { return 'x'; } }, new String('x'), Symbol('x')];
for (const value of values) {
  const promise = c.import(value);
  assert(promise instanceof Promise, 'import returns a promise even for a bad specifier');
  let error;
  try { await promise; } catch (e) { error = e; }
  assert.sameValue(error && error.constructor, TypeError, `import ${String(value)}`);
  assert(error.message.includes('specifier must be a string'), error.message);
  let loadError;
  try { await c.load(value); } catch (e) { loadError = e; }
  assert.sameValue(loadError && loadError.constructor, TypeError, `load ${String(value)}`);
  assert.throws(TypeError, () => c.importNow(value), `importNow ${String(value)}`);
  assert.throws(TypeError, () => c.module(value), `module ${String(value)}`);
}
assert.compareArray(log, []);
