/*---
description: new Compartment(undefined) behaves like new Compartment().
---*/
const c = new Compartment(undefined);
assert.sameValue(c.evaluate('typeof Object'), 'function');
assert.sameValue(c.name, '<unknown>');
