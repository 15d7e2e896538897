/*---
description: "Hooks returning wrong shapes fail the load with a TypeError: importHook resolving to a number, null, a string or an empty object; importNowHook returning undefined or a promise; moduleMapHook returning a number."
flags: [module]
---*/
const results = {
  number: 42, nul: null, string: 'source text', empty: {}, promiseInNow: Promise.resolve({ source: new ModuleSource('') }),
};
const c = new Compartment({
  importHook: async specifier => results[specifier],
  importNowHook: specifier => (specifier === 'undefinedNow' ? undefined : results[specifier]),
  moduleMapHook: specifier => (specifier === 'mapNumber' ? 7 : undefined),
});
for (const specifier of ['number', 'nul', 'string', 'empty', 'mapNumber']) {
  let error;
  try { await c.import(specifier); } catch (e) { error = e; }
  assert.sameValue(error && error.constructor, TypeError, `import ${specifier}: ${error && error.message}`);
  assert(error.message.includes(`"${specifier}"`) || error.message.includes('execute'), `message names the module: ${error.message}`);
}
for (const specifier of ['undefinedNow', 'promiseInNow', 'number', 'mapNumber']) {
  assert.throws(TypeError, () => c.importNow(specifier), `importNow ${specifier}`);
}
