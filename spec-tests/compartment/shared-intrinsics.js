/*---
description: Every compartment shares the start compartment's intrinsics.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('Array'), Array);
assert.sameValue(c.evaluate('Object.getPrototypeOf([])'), Array.prototype);
assert(c.evaluate('[]') instanceof Array, '[] literal uses the shared Array.prototype');
assert.sameValue(new Compartment().evaluate('JSON'), c.evaluate('JSON'));
