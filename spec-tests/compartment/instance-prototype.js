/*---
description: A compartment's prototype is Compartment.prototype, also for instances made by another compartment's constructor.
---*/
const c = new Compartment();
assert.sameValue(Object.getPrototypeOf(c), Compartment.prototype);
const inner = c.evaluate('new Compartment()');
assert.sameValue(Object.getPrototypeOf(inner), Compartment.prototype);
assert(inner instanceof Compartment, 'instanceof works across compartments');
