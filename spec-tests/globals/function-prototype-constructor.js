/*---
description: The shared Function.prototype.constructor is not a compartment's Function.
---*/
const c = new Compartment();
assert.notSameValue(Function.prototype.constructor, c.globalThis.Function);
assert.notSameValue(c.evaluate('Function.prototype.constructor'), c.globalThis.Function);
