/*---
description: Compartments made after lockdown have no SharedArrayBuffer or Atomics.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('typeof SharedArrayBuffer'), 'undefined');
assert.sameValue(c.evaluate('typeof Atomics'), 'undefined');
