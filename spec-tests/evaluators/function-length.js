/*---
description: Functions made by a compartment's Function have the length of their parameter list.
---*/
const F = new Compartment().globalThis.Function;
assert.sameValue(F('a', 'b', 'c', '').length, 3);
assert.sameValue(F('').length, 0);
assert.sameValue(F('a', 'b = 1', '').length, 1);
