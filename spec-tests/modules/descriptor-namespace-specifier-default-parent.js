/*---
description: "{namespace: 'spec'} without compartment links to the parent compartment's instance (the compartment whose Compartment constructor made this one), as the SES shim and XS code do."
flags: [module]
---*/
let runs = 0;
const counter = { hit() { runs += 1; } };
const parent = new Compartment({
  globals: { counter },
  modules: { m: { source: new ModuleSource('counter.hit(); export const token = {};') } },
});
parent.globalThis.childOptions = { modules: { x: { namespace: 'm' } } };
const child = parent.evaluate('new Compartment(childOptions)');
const fromChild = child.importNow('x');
const fromParent = parent.importNow('m');
assert.sameValue(fromChild, fromParent, 'the child links to the parent\'s instance');
assert.sameValue(runs, 1, 'initialised once');
// A sibling made by the start compartment's Compartment has the start compartment as parent,
// which has no module "m": the link fails instead of reaching `parent`.
const sibling = new Compartment({ modules: { x: { namespace: 'm' } } });
assert.throws(TypeError, () => sibling.importNow('x'), 'the start compartment has no "m"');
