/*---
description: Functions made by a compartment's Function are named anonymous.
---*/
const c = new Compartment();
assert.sameValue(new c.globalThis.Function('return 1').name, 'anonymous');
assert.sameValue(c.evaluate('Function("return 1")').name, 'anonymous');
