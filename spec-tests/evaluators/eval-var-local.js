/*---
description: var declarations in code given to a compartment's eval are local to that eval.
---*/
const c = new Compartment();
c.globalThis.eval('var ev = 1; function ef() {}');
assert.sameValue(c.globalThis.ev, undefined);
assert.sameValue(c.evaluate('typeof ev'), 'undefined');
assert.sameValue(c.evaluate('typeof ef'), 'undefined');
