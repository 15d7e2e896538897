/*---
description: Compartment.prototype.constructor is also not any child compartment's Compartment.
---*/
const c = new Compartment();
assert.notSameValue(Compartment.prototype.constructor, c.globalThis.Compartment);
assert.notSameValue(c.evaluate('Compartment.prototype.constructor'), c.globalThis.Compartment);
