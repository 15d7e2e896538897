/*---
description: With overrideTaming severe, assigning an enabled Object.prototype property on a primitive throws TypeError in strict code.
---*/
lockdown({ overrideTaming: 'severe' });
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate("'abc'.hasOwnProperty = 1"));
