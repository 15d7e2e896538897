/*---
description: After lockdown the start compartment keeps its original Date, whose now() works, while compartments get a different Date.
---*/
lockdown();
const c = new Compartment();
assert.notSameValue(c.evaluate('Date'), Date);
assert.sameValue(typeof Date.now(), 'number');
assert(Date.now() > 0, 'the clock is readable in the start compartment');
assert.sameValue(typeof new Date().getTime(), 'number');
