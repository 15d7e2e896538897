/*---
description: In a compartment made after lockdown, the Math methods other than random still work.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('Math.abs(-1)'), 1);
assert.sameValue(c.evaluate('Math.max(1, 3, 2)'), 3);
assert.sameValue(c.evaluate('Math.PI'), Math.PI);
assert.sameValue(c.evaluate('Math.abs'), Math.abs, 'the methods are shared');
