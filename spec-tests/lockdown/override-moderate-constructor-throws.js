/*---
description: With overrideTaming moderate, Object.prototype.constructor is not enabled, so assigning constructor on a plain object throws TypeError.
---*/
lockdown();
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate('const o = {}; o.constructor = 1;'));
