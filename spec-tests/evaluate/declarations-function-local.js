/*---
description: Top-level function and class declarations are local to that evaluate call.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('function f() { return 1; } class K {} f()'), 1);
assert.sameValue(c.evaluate('typeof f'), 'undefined');
assert.sameValue(c.evaluate('typeof K'), 'undefined');
assert.sameValue('f' in c.globalThis, false);
