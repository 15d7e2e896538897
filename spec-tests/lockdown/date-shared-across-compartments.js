/*---
description: All compartments made after lockdown share one powerless Date.
---*/
lockdown();
const a = new Compartment();
const b = new Compartment();
assert.sameValue(a.evaluate('Date'), b.evaluate('Date'));
