/*---
description: A compartment's Function builds functions from parameter and body strings.
---*/
const c = new Compartment();
const F = c.globalThis.Function;
assert.sameValue(new F('a', 'b', 'return a + b')(1, 2), 3);
assert.sameValue(new F('a, b', 'return a * b')(3, 4), 12);
assert.sameValue(new F()(), undefined);
assert.sameValue(new F('return 7')(), 7);
