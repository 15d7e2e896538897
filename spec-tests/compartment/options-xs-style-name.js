/*---
description: Without the sigil, a single object owning the known key name is an options bag.
---*/
const c = new Compartment({ name: 'xs' });
assert.sameValue(c.name, 'xs');
assert.sameValue(Object.getOwnPropertyDescriptor(c.globalThis, 'name'), undefined, 'name is not endowed');
