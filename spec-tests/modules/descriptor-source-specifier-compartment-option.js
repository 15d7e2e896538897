/*---
description: "{source: 'spec', compartment: other} takes the source from the given compartment (not the parent) and instantiates it here; two children get separate instances."
flags: [module]
---*/
const holder = new Compartment({
  modules: { lib: { source: new ModuleSource('export const token = {}; export const who = globalThis.who;') } },
});
const c1 = new Compartment({ globals: { who: 'c1' }, modules: { x: { source: 'lib', compartment: holder } } });
const c2 = new Compartment({ globals: { who: 'c2' }, modules: { x: { source: 'lib', compartment: holder } } });
const ns1 = c1.importNow('x');
const ns2 = c2.importNow('x');
assert.sameValue(ns1.who, 'c1');
assert.sameValue(ns2.who, 'c2');
assert.notSameValue(ns1.token, ns2.token, 'separate instances');
const own = holder.importNow('lib');
assert.notSameValue(own.token, ns1.token, 'the holder\'s instance is separate too');
