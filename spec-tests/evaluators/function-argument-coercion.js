/*---
description: A compartment's Function converts its arguments to strings.
---*/
const F = new Compartment().globalThis.Function;
const body = { toString() { return 'return 5'; } };
assert.sameValue(F(body)(), 5);
