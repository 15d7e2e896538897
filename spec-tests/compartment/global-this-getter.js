/*---
description: globalThis is an accessor on Compartment.prototype returning the same compartment global each time.
---*/
const desc = Object.getOwnPropertyDescriptor(Compartment.prototype, 'globalThis');
assert.sameValue(typeof desc.get, 'function', 'globalThis is a getter');
const c = new Compartment();
assert.sameValue(c.globalThis, c.globalThis);
assert.sameValue(desc.get.call(c), c.globalThis);
assert.sameValue(typeof c.globalThis, 'object');
assert.notSameValue(c.globalThis, globalThis);
