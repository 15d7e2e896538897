/*---
description: Inside a compartment, the names eval, Function and Compartment resolve to that compartment's own evaluators.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('eval'), c.globalThis.eval);
assert.sameValue(c.evaluate('Function'), c.globalThis.Function);
assert.sameValue(c.evaluate('Compartment'), c.globalThis.Compartment);
