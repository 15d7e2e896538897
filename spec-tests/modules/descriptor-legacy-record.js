/*---
description: "Legacy {record, specifier?, importMeta?} is read like {source}: the record is instantiated in this compartment, under the given specifier for resolution."
flags: [module]
---*/
const calls = [];
const c = new Compartment({
  resolveHook(specifier, referrer) { calls.push(referrer); return specifier; },
  modules: {
    r: {
      record: new ModuleSource('import d from "dep"; export default d + import.meta.tag;'),
      specifier: 'as-r',
      importMeta: { tag: '!' },
    },
    dep: { source: new ModuleSource('export default "dep";') },
  },
});
const r = c.importNow('r');
assert.sameValue(r.default, 'dep!');
assert.compareArray(calls, ['as-r']);
