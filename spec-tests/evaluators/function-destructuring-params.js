/*---
description: A compartment's Function supports destructuring parameters.
---*/
const F = new Compartment().globalThis.Function;
assert.sameValue(F('{ x }', 'return x')({ x: 1 }), 1);
assert.sameValue(F('[y]', 'return y')([2]), 2);
assert.sameValue(F('{ x }', '[y]', 'return x + y')({ x: 1 }, [2]), 3);
