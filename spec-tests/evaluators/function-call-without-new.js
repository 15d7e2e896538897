/*---
description: A compartment's Function can be called without new.
---*/
const F = new Compartment().globalThis.Function;
const f = F('x', 'return x * 2');
assert.sameValue(typeof f, 'function');
assert.sameValue(f(21), 42);
