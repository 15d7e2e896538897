/*---
description: A lone declaration completes with undefined.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('var x = 1'), undefined);
assert.sameValue(c.evaluate('let y = 1'), undefined);
assert.sameValue(c.evaluate('function f() {}'), undefined);
