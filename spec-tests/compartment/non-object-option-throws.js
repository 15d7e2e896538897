/*---
description: A single non-object, non-undefined argument throws TypeError.
---*/
assert.throws(TypeError, () => new Compartment(5));
assert.throws(TypeError, () => new Compartment('globals'));
assert.throws(TypeError, () => new Compartment(true));
assert.throws(TypeError, () => new Compartment(Symbol('s')));
