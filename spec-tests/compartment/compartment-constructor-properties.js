/*---
description: Compartment is a function named Compartment whose prototype property is not writable.
---*/
assert.sameValue(typeof Compartment, 'function');
assert.sameValue(Compartment.name, 'Compartment');
const desc = Object.getOwnPropertyDescriptor(Compartment, 'prototype');
assert.sameValue(desc.writable, false);
