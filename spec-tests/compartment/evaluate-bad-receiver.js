/*---
description: Compartment.prototype.evaluate called on a non-compartment throws TypeError.
---*/
assert.throws(TypeError, () => Compartment.prototype.evaluate.call({}, '1'));
assert.throws(TypeError, () => Compartment.prototype.evaluate.call(undefined, '1'));
assert.throws(TypeError, () => Compartment.prototype.evaluate.call(Object.create(Compartment.prototype), '1'));
