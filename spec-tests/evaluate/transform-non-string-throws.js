/*---
description: A transform that returns a non-string throws TypeError.
---*/
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate('1', { transforms: [() => 1] }));
assert.throws(TypeError, () => c.evaluate('1', { transforms: [() => undefined] }));
const d = new Compartment({ __options__: true, transforms: [() => ({})] });
assert.throws(TypeError, () => d.evaluate('1'));
