/*---
description: "The module memo keys a specifier and its import type apart: a JavaScript import of the specifier 'data\\0json' (which once shared the key of a JSON import of 'data') does not answer a later JSON import of 'data'."
flags: [module]
---*/
const json = new ModuleSource('{"answer": 42}', { with: { type: 'json' } });
const calls = [];
const c = new Compartment({
  resolveHook: specifier => specifier,
  importHook: async (specifier, options) => {
    calls.push(`${JSON.stringify(specifier)}:${options ? options.with.type : 'js'}`);
    return options ? { source: json } : { source: new ModuleSource('export default "javascript";') };
  },
});
const { namespace: sneaky } = await c.import('data\0json');
assert.sameValue(sneaky.default, 'javascript');
const { namespace: data } = await c.import('data', { with: { type: 'json' } });
assert.sameValue(data.default.answer, 42, 'the JSON import is its own entry');
assert.compareArray(calls, ['"data\\u0000json":js', '"data":json']);
