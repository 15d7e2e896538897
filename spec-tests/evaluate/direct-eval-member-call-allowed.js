/*---
description: Calls to a property named eval (obj.eval(...)) are not direct eval and work.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('const o = { eval(x) { return x + 1; } }; o.eval(1)'), 2);
assert.sameValue(c.evaluate('globalThis.eval("1 + 1")'), 2);
