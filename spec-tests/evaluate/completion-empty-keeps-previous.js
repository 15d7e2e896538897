/*---
description: A statement that completes empty (an empty statement or block) keeps the previous statement's completion value.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('4; ;'), 4);
assert.sameValue(c.evaluate('5; {}'), 5);
