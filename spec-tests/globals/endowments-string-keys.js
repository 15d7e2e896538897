/*---
description: Own enumerable string-keyed endowments are copied onto the compartment global.
---*/
const c = new Compartment({ __options__: true, globals: { a: 1, b: 'two', o: { deep: true } } });
assert.sameValue(c.globalThis.a, 1);
assert.sameValue(c.evaluate('b'), 'two');
assert.sameValue(c.evaluate('o.deep'), true);
