/*---
description: Reading an unknown identifier throws ReferenceError, while typeof gives 'undefined'.
---*/
const c = new Compartment();
assert.throws(ReferenceError, () => c.evaluate('notDefinedAnywhere'));
assert.sameValue(c.evaluate('typeof notDefinedAnywhere'), 'undefined');
