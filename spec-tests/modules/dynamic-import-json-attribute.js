/*---
description: "import(x, {with: {type: 'json'}}) loads a JSON ModuleSource (new ModuleSource(text, {with: {type: 'json'}})) whose default export is the parsed value, from compartment code and modules (static `with` too) and from c.import/importNow options; JSON and JavaScript imports of one specifier are separate."
flags: [module]
---*/
const json = new ModuleSource('{"answer": 42, "list": [1, 2]}', { with: { type: 'json' } });
const calls = [];
const c = new Compartment({
  resolveHook: specifier => specifier,
  importHook: async (specifier, options) => {
    calls.push(`${specifier}:${options ? options.with.type : 'js'}`);
    return options ? { source: json } : { source: new ModuleSource('export default "javascript";') };
  },
  modules: {
    main: { source: new ModuleSource('import data from "data" with { type: "json" }; export default data;') },
  },
});
const viaEvaluate = await c.evaluate('import("data", { with: { type: "json" } })');
assert.sameValue(viaEvaluate.default.answer, 42);
assert.compareArray(Object.keys(viaEvaluate), ['default']);
const { namespace: viaMethod } = await c.import('data', { with: { type: 'json' } });
assert.sameValue(viaMethod, viaEvaluate, 'memoised as JSON');
const viaNow = c.importNow('data', { with: { type: 'json' } });
assert.sameValue(viaNow, viaEvaluate);
const { namespace: main } = await c.import('main');
assert.sameValue(main.default, viaEvaluate.default, 'static import with attributes');
const { namespace: asJavaScript } = await c.import('data');
assert.sameValue(asJavaScript.default, 'javascript', 'a JavaScript import of the same specifier is separate');
assert.compareArray(calls, ['data:json', 'data:js']);
