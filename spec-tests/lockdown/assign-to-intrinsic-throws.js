/*---
description: After lockdown, assigning a new property to Array.prototype in a compartment throws TypeError.
---*/
lockdown();
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate('Array.prototype.x = 1'));
assert.sameValue(Object.prototype.hasOwnProperty.call(Array.prototype, 'x'), false);
assert.throws(TypeError, () => { Array.prototype.x = 1; });
