/*---
description: Compartments made after lockdown get a Math object different from the start compartment's.
---*/
lockdown();
const c = new Compartment();
assert.notSameValue(c.evaluate('Math'), Math);
assert.sameValue(c.evaluate('Math'), new Compartment().evaluate('Math'), 'one shared Math');
assert.sameValue(c.evaluate("Math[Symbol.toStringTag]"), 'Math');
