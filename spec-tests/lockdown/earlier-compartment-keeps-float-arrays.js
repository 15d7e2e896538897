/*---
description: A compartment made before lockdown keeps Float64Array after lockdown.
---*/
const c = new Compartment();
lockdown();
assert.sameValue(c.evaluate('typeof Float64Array'), 'function');
assert.sameValue(c.evaluate('new Float64Array([1.5])[0]'), 1.5);
