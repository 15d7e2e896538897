/*---
description: "{namespace: ns} with a namespace from import()/importNow() shares that module instance: the same namespace object, initialised once."
flags: [module]
---*/
let runs = 0;
const counter = { hit() { runs += 1; } };
const a = new Compartment({
  globals: { counter },
  modules: { m: { source: new ModuleSource('counter.hit(); export const token = {};') } },
});
const ns = a.importNow('m');
const b = new Compartment({ modules: { x: { namespace: ns } } });
const c = new Compartment({ modules: { y: { namespace: (await a.import('m')).namespace } } });
assert.sameValue(b.importNow('x'), ns, 'b aliases a\'s instance');
assert.sameValue((await c.import('y')).namespace, ns, 'c aliases a\'s instance');
assert.sameValue(b.importNow('x').token, ns.token);
assert.sameValue(runs, 1, 'initialised once');
