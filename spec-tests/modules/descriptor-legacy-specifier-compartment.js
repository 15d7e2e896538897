/*---
description: "Legacy {specifier, compartment} links to the instance the given compartment has for that specifier (shared, initialised once)."
flags: [module]
---*/
let runs = 0;
const counter = { hit() { runs += 1; } };
const owner = new Compartment({
  globals: { counter },
  modules: { m: { source: new ModuleSource('counter.hit(); export const token = {};') } },
});
const user = new Compartment({ modules: { x: { specifier: 'm', compartment: owner } } });
const viaUser = user.importNow('x');
assert.sameValue(viaUser, owner.importNow('m'));
assert.sameValue(runs, 1);
