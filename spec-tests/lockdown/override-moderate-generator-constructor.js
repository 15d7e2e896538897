/*---
description: With overrideTaming moderate, assigning constructor on a generator function works through the %Generator% enablement.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('const g = function* () {}; g.constructor = 1; g.constructor'), 1);
