/*---
description: After lockdown the constructor reached from an ordinary function is inert - calling it throws TypeError.
---*/
lockdown();
assert.throws(TypeError, () => (function () {}).constructor('return 1'));
assert.throws(TypeError, () => new ((function () {}).constructor)('return 1'));
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate("(function () {}).constructor('return 1')"));
