/*---
description: Compartments made after lockdown see the start compartment's lockdown function.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('lockdown'), lockdown);
