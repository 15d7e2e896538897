/*---
description: With overrideTaming min, assigning valueOf to a plain object throws TypeError.
---*/
lockdown({ overrideTaming: 'min' });
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate('const o = {}; o.valueOf = () => 1;'));
