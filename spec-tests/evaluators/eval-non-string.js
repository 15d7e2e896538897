/*---
description: A compartment's eval returns a non-string argument unchanged.
---*/
const c = new Compartment();
const e = c.globalThis.eval;
assert.sameValue(e(42), 42);
const obj = {};
assert.sameValue(e(obj), obj);
assert.sameValue(e(), undefined);
const boxed = new String('1 + 1');
assert.sameValue(e(boxed), boxed);
