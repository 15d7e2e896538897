/*---
description: A compartment's eval returns the completion value of the code.
---*/
const c = new Compartment();
assert.sameValue(c.globalThis.eval('1; 2; if (true) 3;'), 3);
assert.sameValue(c.globalThis.eval('var q = 1'), undefined);
