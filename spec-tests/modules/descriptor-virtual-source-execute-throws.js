/*---
description: "An error thrown by a virtual source's execute (XS or shim shape) rejects import() with that very error, and importing the module again gives the same error (it is not run again)."
flags: [module]
---*/
const boom = new RangeError('boom');
let calls = 0;
const c = new Compartment({
  modules: {
    xs: { source: { execute() { calls += 1; throw boom; } } },
    shim: { source: { imports: [], exports: [], execute() { calls += 1; throw boom; } } },
  },
});
for (const specifier of ['xs', 'shim']) {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let caught;
    try { await c.import(specifier); } catch (e) { caught = e; }
    assert.sameValue(caught, boom, `${specifier} attempt ${attempt}`);
  }
}
assert.sameValue(calls, 2, 'each execute ran once');
