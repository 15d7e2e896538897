/*---
description: With overrideTaming moderate, assigning constructor on a promise works.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('const p = Promise.resolve(); p.constructor = 1; p.constructor'), 1);
