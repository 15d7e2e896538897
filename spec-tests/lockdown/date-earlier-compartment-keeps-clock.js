/*---
description: A compartment made before lockdown keeps a Date whose now() works after lockdown.
---*/
const c = new Compartment();
lockdown();
assert.sameValue(typeof c.evaluate('Date.now()'), 'number');
assert.sameValue(typeof c.evaluate('new Date().getTime()'), 'number');
