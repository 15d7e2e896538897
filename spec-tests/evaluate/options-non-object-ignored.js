/*---
description: evaluate's options argument may be omitted or undefined.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('1', undefined), 1);
assert.sameValue(c.evaluate('2', {}), 2);
