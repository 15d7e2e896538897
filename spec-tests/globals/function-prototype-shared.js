/*---
description: A compartment's Function has the shared Function.prototype.
---*/
const c = new Compartment();
assert.sameValue(c.globalThis.Function.prototype, Function.prototype);
assert.sameValue(c.evaluate('Function.prototype'), Function.prototype);
assert.sameValue(Object.getPrototypeOf(c.evaluate('(function () {})')), Function.prototype);
