/*---
description: The legacy form new Compartment(globals, modules) endows the first argument's properties.
---*/
const c = new Compartment({ g: 1 }, {});
assert.sameValue(c.evaluate('g'), 1);
