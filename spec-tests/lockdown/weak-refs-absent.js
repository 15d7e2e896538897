/*---
description: Compartments made after lockdown have no WeakRef or FinalizationRegistry (they expose garbage collection).
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('typeof WeakRef'), 'undefined');
assert.sameValue(c.evaluate('typeof FinalizationRegistry'), 'undefined');
assert.sameValue(c.evaluate('typeof WeakMap'), 'function', 'WeakMap stays');
