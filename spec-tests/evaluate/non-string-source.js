/*---
description: evaluate throws TypeError when the source is not a string.
---*/
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate(42));
assert.throws(TypeError, () => c.evaluate());
assert.throws(TypeError, () => c.evaluate({ toString() { return '1'; } }));
assert.throws(TypeError, () => c.evaluate(new String('1')));
