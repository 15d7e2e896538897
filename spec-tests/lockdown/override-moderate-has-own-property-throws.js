/*---
description: With overrideTaming moderate, assigning hasOwnProperty on a plain object throws TypeError (the override mistake).
---*/
lockdown();
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate('const o = {}; o.hasOwnProperty = 1;'));
