/*---
description: A compartment made after lockdown that is endowed with the start Date gets a working clock.
---*/
lockdown();
const c = new Compartment({ __options__: true, globals: { Date } });
assert.sameValue(c.evaluate('Date'), Date);
assert.sameValue(typeof c.evaluate('Date.now()'), 'number');
