/*---
description: Writing a property on the inert realm object from compartment code does not create a global in that compartment or the start compartment.
---*/
const c = new Compartment();
try {
  c.evaluate('Function.prototype.constructor("return this")().planted = 1');
} catch (e) {
  // A TypeError is the expected outcome; either way nothing may be planted.
}
assert.sameValue(c.globalThis.planted, undefined, 'compartment global');
assert.sameValue(globalThis.planted, undefined, 'start global');
