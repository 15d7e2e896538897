/*---
description: Compartments made after lockdown have no Float64Array, Float32Array or Float16Array.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('typeof Float64Array'), 'undefined');
assert.sameValue(c.evaluate('typeof Float32Array'), 'undefined');
assert.sameValue(c.evaluate('typeof Float16Array'), 'undefined');
assert.sameValue(c.evaluate("'Float64Array' in globalThis"), false);
