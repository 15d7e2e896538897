/*---
description: "Implemented behaviour (narrower than the SES shim, which knows every namespace it made): a namespace obtained by dynamic import() in compartment code is not recognised as a namespace descriptor; loading it fails with a TypeError that suggests {namespace: specifier, compartment}, and that form works."
flags: [module]
---*/
let runs = 0;
const counter = { hit() { runs += 1; } };
const owner = new Compartment({
  globals: { counter },
  importHook: async () => ({ source: new ModuleSource('counter.hit(); export const token = {};') }),
});
const dynamic = await owner.evaluate('import("m")');
const user = new Compartment({ modules: { bare: dynamic, described: { namespace: 'm', compartment: owner } } });
const error = assert.throws(TypeError, () => user.importNow('bare'));
assert(error.message.includes('{namespace: specifier, compartment}'), error.message);
const described = user.importNow('described');
assert.sameValue(described, dynamic, 'the {namespace, compartment} form links to the same instance');
assert.sameValue(runs, 1);
