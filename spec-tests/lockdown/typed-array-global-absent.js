/*---
description: Compartments made after lockdown have no TypedArray global.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('typeof TypedArray'), 'undefined');
