/*---
description: With the default overrideTaming (moderate), assigning valueOf to a plain object works.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('const o = {}; o.valueOf = () => 41; o + 1'), 42);
