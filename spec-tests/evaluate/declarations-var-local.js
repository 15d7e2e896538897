/*---
description: A top-level var declaration is local to that evaluate call and does not create a global property.
---*/
const c = new Compartment();
c.evaluate('var v = 1');
assert.sameValue(c.evaluate('typeof v'), 'undefined');
assert.sameValue(c.globalThis.v, undefined);
assert.sameValue('v' in c.globalThis, false);
