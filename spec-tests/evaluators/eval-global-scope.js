/*---
description: A compartment's eval evaluates in that compartment's global scope.
---*/
const c = new Compartment({ __options__: true, globals: { who: 'c' } });
assert.sameValue(c.evaluate('(0, eval)("this")'), c.globalThis);
assert.sameValue(c.evaluate('(0, eval)("who")'), 'c');
assert.sameValue(c.globalThis.eval('globalThis'), c.globalThis);
