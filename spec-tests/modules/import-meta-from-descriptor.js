/*---
description: "A module's import.meta starts with the descriptor's importMeta properties; each instance gets its own import.meta object (two compartments loading one source with one importMeta get different objects), and modules without importMeta get an empty null-prototype object."
flags: [module]
---*/
const source = new ModuleSource('export const meta = import.meta;');
const importMeta = { url: 'shared' };
const c1 = new Compartment({ modules: { m: { source, importMeta } } });
const c2 = new Compartment({ modules: { m: { source, importMeta } } });
const m1 = c1.importNow('m');
const m2 = c2.importNow('m');
assert.sameValue(m1.meta.url, 'shared');
assert.sameValue(m2.meta.url, 'shared');
assert.notSameValue(m1.meta, m2.meta, 'one import.meta per instance');
m1.meta.url = 'changed';
assert.sameValue(m2.meta.url, 'shared');
const plain = new Compartment({ modules: { m: { source } } });
const m3 = plain.importNow('m');
assert.compareArray(Reflect.ownKeys(m3.meta), []);
assert.sameValue(Object.getPrototypeOf(m3.meta), null);
