/*---
description: Declarations inside a Function body do not leak onto the compartment global.
---*/
const c = new Compartment();
c.globalThis.Function('var inBody = 1; function g() {}')();
assert.sameValue('inBody' in c.globalThis, false);
assert.sameValue('g' in c.globalThis, false);
