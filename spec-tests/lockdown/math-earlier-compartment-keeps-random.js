/*---
description: A compartment made before lockdown keeps a working Math.random.
---*/
const c = new Compartment();
lockdown();
assert.sameValue(typeof c.evaluate('Math.random()'), 'number');
