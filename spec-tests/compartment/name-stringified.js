/*---
description: The name option is converted to a string.
---*/
assert.sameValue(new Compartment({ __options__: true, name: 42 }).name, '42');
assert.sameValue(new Compartment({ __options__: true, name: { toString() { return 'obj'; } } }).name, 'obj');
assert.sameValue(typeof new Compartment({ name: 1 }).name, 'string');
