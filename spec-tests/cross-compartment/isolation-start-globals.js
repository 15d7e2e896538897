/*---
description: A compartment cannot see globals of the start compartment, even those added at run time.
---*/
globalThis.startOnly = 1;
const c = new Compartment();
assert.sameValue(c.evaluate('typeof assert'), 'undefined');
assert.sameValue(c.evaluate('typeof startOnly'), 'undefined');
assert.sameValue(c.evaluate('globalThis.startOnly'), undefined);
