/*---
description: Without the sigil, a single object owning the known key globals is an options bag (XS style).
---*/
const c = new Compartment({ globals: { x: 1 } });
assert.sameValue(c.evaluate('x'), 1);
assert.sameValue(c.evaluate('typeof globals'), 'undefined', 'globals is not itself endowed');
