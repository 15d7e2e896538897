/*---
description: A compartment's eval is named eval and has length 1.
---*/
const c = new Compartment();
assert.sameValue(c.globalThis.eval.name, 'eval');
assert.sameValue(c.globalThis.eval.length, 1);
