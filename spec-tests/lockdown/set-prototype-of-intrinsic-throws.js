/*---
description: After lockdown, changing the prototype of Array.prototype throws TypeError and Reflect.setPrototypeOf reports false.
---*/
lockdown();
assert.throws(TypeError, () => Object.setPrototypeOf(Array.prototype, null));
assert.sameValue(Reflect.setPrototypeOf(Array.prototype, null), false);
assert.sameValue(Object.getPrototypeOf(Array.prototype), Object.prototype);
