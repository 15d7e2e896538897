/*---
description: After lockdown Math.random() in the start compartment still works.
---*/
lockdown();
const r = Math.random();
assert.sameValue(typeof r, 'number');
assert(r >= 0 && r < 1, `random in [0, 1): ${r}`);
