/*---
description: Assigning an undeclared name throws ReferenceError and creates no global property.
---*/
const c = new Compartment();
assert.throws(ReferenceError, () => c.evaluate('undeclared = 1'));
assert.sameValue('undeclared' in c.globalThis, false);
assert.sameValue('undeclared' in globalThis, false);
