/*---
description: Calling Compartment without new throws TypeError.
---*/
assert.throws(TypeError, () => Compartment());
assert.throws(TypeError, () => Compartment({ __options__: true }));
