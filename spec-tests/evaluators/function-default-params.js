/*---
description: A compartment's Function supports default and rest parameters.
---*/
const F = new Compartment().globalThis.Function;
assert.sameValue(F('a = 1', 'return a')(), 1);
assert.sameValue(F('...rest', 'return rest.length')(1, 2, 3), 3);
