/*---
description: The same name can be declared with let or const in successive evaluate calls.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('let x = 1; x'), 1);
assert.sameValue(c.evaluate('let x = 2; x'), 2);
assert.sameValue(c.evaluate('const x = 3; x'), 3);
assert.sameValue(c.evaluate('typeof x'), 'undefined');
