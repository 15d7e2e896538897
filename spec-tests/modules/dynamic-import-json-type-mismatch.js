/*---
description: "Importing a JavaScript source as JSON, or a JSON source as JavaScript, fails with a TypeError naming both kinds; an unsupported type attribute is a TypeError; a virtual source cannot be imported as JSON."
flags: [module]
---*/
async function rejectsTypeError(promise, message) {
  try { await promise; } catch (error) {
    assert.sameValue(error.constructor, TypeError, `${message}: ${error && error.message}`);
    return error;
  }
  throw new Test262Error(`${message}: expected a rejection`);
}
const c = new Compartment({
  modules: {
    js: { source: new ModuleSource('export default 1;') },
    json: { source: new ModuleSource('1', { with: { type: 'json' } }) },
    virtual: { source: { execute() {} } },
  },
});
const jsAsJson = await rejectsTypeError(c.import('js', { with: { type: 'json' } }), 'js as json');
assert(jsAsJson.message.includes('JSON') && jsAsJson.message.includes('JavaScript'), jsAsJson.message);
const jsonAsJs = await rejectsTypeError(c.import('json'), 'json as js');
assert(jsonAsJs.message.includes('JSON') && jsonAsJs.message.includes('JavaScript'), jsonAsJs.message);
assert.throws(TypeError, () => c.importNow('json'), 'importNow json as js');
await rejectsTypeError(c.evaluate('import("js", { with: { type: "json" } })'), 'dynamic js as json');
const unsupported = await rejectsTypeError(c.evaluate('import("js", { with: { type: "css" } })'), 'css');
assert(unsupported.message.includes('css'), unsupported.message);
assert.throws(TypeError, () => c.importNow('js', { with: { type: 'css' } }), 'importNow css');
await rejectsTypeError(c.import('virtual', { with: { type: 'json' } }), 'virtual as json');
const ok = c.importNow('json', { with: { type: 'json' } });
assert.sameValue(ok.default, 1);
