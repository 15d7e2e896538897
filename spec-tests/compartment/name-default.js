/*---
description: The name getter defaults to '<unknown>'.
---*/
const desc = Object.getOwnPropertyDescriptor(Compartment.prototype, 'name');
assert.sameValue(typeof desc.get, 'function', 'name is a getter');
assert.sameValue(new Compartment().name, '<unknown>');
