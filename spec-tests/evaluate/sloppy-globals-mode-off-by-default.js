/*---
description: sloppyGlobalsMode only affects the evaluate call it is given to.
---*/
const c = new Compartment();
c.evaluate('a = 1', { sloppyGlobalsMode: true });
assert.throws(ReferenceError, () => c.evaluate('b = 1'));
assert.throws(ReferenceError, () => c.evaluate('b = 1', { sloppyGlobalsMode: false }));
