/*---
description: Overwriting a shared global inside one compartment replaces only that compartment's binding.
---*/
const c = new Compartment();
c.evaluate('globalThis.Array = 1');
assert.sameValue(c.evaluate('Array'), 1);
assert.sameValue(typeof Array, 'function');
assert.sameValue(new Compartment().evaluate('Array'), Array);
