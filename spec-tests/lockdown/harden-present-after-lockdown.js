/*---
description: After lockdown harden is a function in the start compartment and in new compartments, and it is one shared object.
---*/
lockdown();
assert.sameValue(typeof harden, 'function');
const c = new Compartment();
assert.sameValue(c.evaluate('typeof harden'), 'function');
assert.sameValue(c.evaluate('harden'), harden);
assert.sameValue(new Compartment().evaluate('harden'), harden);
