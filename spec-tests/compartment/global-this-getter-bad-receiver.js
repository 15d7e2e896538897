/*---
description: The globalThis getter throws TypeError on a receiver that is not a compartment.
---*/
const get = Object.getOwnPropertyDescriptor(Compartment.prototype, 'globalThis').get;
assert.throws(TypeError, () => get.call({}));
assert.throws(TypeError, () => Compartment.prototype.globalThis);
