/*---
description: Compartment.prototype.constructor is not the start compartment's Compartment and throws TypeError when called or constructed.
---*/
const c = new Compartment();
const ctor = c.constructor;
assert.notSameValue(ctor, Compartment);
assert.sameValue(typeof ctor, 'function');
assert.throws(TypeError, () => ctor());
assert.throws(TypeError, () => new ctor());
