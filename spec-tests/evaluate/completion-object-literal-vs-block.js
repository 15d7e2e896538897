/*---
description: A leading brace is a block, while a parenthesized object literal completes with an object.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('{ a: 1 }'), 1);
assert.sameValue(c.evaluate('({ a: 1 })').a, 1);
