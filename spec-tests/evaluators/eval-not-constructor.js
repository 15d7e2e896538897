/*---
description: A compartment's eval is not a constructor.
---*/
const c = new Compartment();
const E = c.globalThis.eval;
assert.throws(TypeError, () => new E('1'));
