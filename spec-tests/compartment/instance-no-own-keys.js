/*---
description: A compartment instance has no own properties.
---*/
assert.compareArray(Reflect.ownKeys(new Compartment()), []);
assert.compareArray(Reflect.ownKeys(new Compartment({ __options__: true, name: 'x', globals: { a: 1 } })), []);
