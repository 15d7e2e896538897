/*---
description: After lockdown a new compartment's global object is not frozen - it can get new properties.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(Object.isFrozen(c.globalThis), false);
assert.sameValue(Object.isExtensible(c.globalThis), true);
c.evaluate('globalThis.added = 1');
assert.sameValue(c.globalThis.added, 1);
