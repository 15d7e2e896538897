/*---
description: The indirect eval form (0, eval)(src) works in compartment code.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('(0, eval)("1 + 1")'), 2);
