/*---
description: Compartments made after lockdown share the frozen intrinsics with each other and with the start compartment.
---*/
lockdown();
const a = new Compartment();
const b = new Compartment();
assert.sameValue(a.evaluate('Array'), Array);
assert.sameValue(a.evaluate('Object.prototype'), b.evaluate('Object.prototype'));
assert.sameValue(a.evaluate('Promise'), Promise);
