/*---
description: A compartment's Function is named Function, has length 1, and its prototype property is Function.prototype.
---*/
const F = new Compartment().globalThis.Function;
assert.sameValue(F.name, 'Function');
assert.sameValue(F.length, 1);
assert.sameValue(F.prototype, Function.prototype);
