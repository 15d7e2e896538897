/*---
description: With overrideTaming severe, every Object.prototype property can be overridden by assignment, including constructor and hasOwnProperty.
---*/
lockdown({ overrideTaming: 'severe' });
const c = new Compartment();
assert.sameValue(c.evaluate('const o = {}; o.constructor = 1; o.constructor'), 1);
assert.sameValue(c.evaluate('const p = {}; p.hasOwnProperty = 2; p.hasOwnProperty'), 2);
assert.sameValue(c.evaluate("const q = {}; q.toString = () => 'q'; `${q}`"), 'q');
