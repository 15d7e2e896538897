/*---
description: "The importMeta of a {source} descriptor is copied (own enumerable properties, like Object.assign) onto the module's import.meta, which is a different object; later changes to it are not seen."
flags: [module]
---*/
const importMeta = Object.create({ inherited: 1 }, {
  url: { value: 'file:///x.js', enumerable: true, writable: true },
  hidden: { value: 1, enumerable: false },
  shared: { value: { n: 1 }, enumerable: true },
});
const c = new Compartment({
  modules: { m: { source: new ModuleSource('export const meta = import.meta;'), importMeta } },
});
const { meta } = c.importNow('m');
assert.notSameValue(meta, importMeta, 'copied, not the same object');
assert.sameValue(meta.url, 'file:///x.js');
assert.sameValue(meta.shared, importMeta.shared, 'values are not copied deeply');
assert.sameValue('hidden' in meta, false, 'non-enumerable properties are not copied');
assert.sameValue('inherited' in meta, false, 'inherited properties are not copied');
assert.sameValue(Object.getPrototypeOf(meta), null, 'import.meta has a null prototype');
importMeta.url = 'changed';
assert.sameValue(meta.url, 'file:///x.js', 'a copy');
