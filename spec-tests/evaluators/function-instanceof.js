/*---
description: Functions made by a compartment's Function inherit from the shared Function.prototype.
---*/
const c = new Compartment();
const f = new c.globalThis.Function('return 1');
assert(f instanceof Function, 'instanceof start Function');
assert(f instanceof c.globalThis.Function, 'instanceof compartment Function');
assert.sameValue(Object.getPrototypeOf(f), Function.prototype);
