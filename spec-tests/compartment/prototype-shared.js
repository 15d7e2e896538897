/*---
description: Every compartment's Compartment constructor shares the start compartment's Compartment.prototype.
---*/
const c = new Compartment();
assert.notSameValue(c.globalThis.Compartment, Compartment, 'constructor differs');
assert.sameValue(c.globalThis.Compartment.prototype, Compartment.prototype);
assert.sameValue(c.evaluate('Compartment.prototype'), Compartment.prototype);
assert.sameValue(new Compartment().globalThis.Compartment.prototype, Compartment.prototype);
