/*---
description: Changes to one compartment's global are invisible to another compartment and to the start compartment.
---*/
const a = new Compartment();
const b = new Compartment();
a.evaluate('globalThis.onlyInA = 1; globalThis.Array = null; delete globalThis.JSON');
assert.sameValue(b.evaluate('typeof onlyInA'), 'undefined');
assert.sameValue(b.evaluate('Array'), Array);
assert.sameValue(b.evaluate('typeof JSON'), 'object');
assert.sameValue(typeof onlyInA, 'undefined');
assert.sameValue(typeof JSON, 'object');
assert.sameValue(a.evaluate('typeof JSON'), 'undefined');
