/*---
description: After lockdown Compartment.prototype and its methods are frozen.
---*/
lockdown();
assert(Object.isFrozen(Compartment.prototype), 'Compartment.prototype');
assert(Object.isFrozen(Compartment.prototype.evaluate), 'evaluate');
assert(Object.isFrozen(Object.getOwnPropertyDescriptor(Compartment.prototype, 'globalThis').get), 'globalThis getter');
const c = new Compartment();
assert.sameValue(c.evaluate('Object.getPrototypeOf(new Compartment())'), Compartment.prototype);
