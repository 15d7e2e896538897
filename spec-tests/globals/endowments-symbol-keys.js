/*---
description: Own enumerable symbol-keyed endowments are copied onto the compartment global.
---*/
const sym = Symbol('endowed');
const c = new Compartment({ __options__: true, globals: { [sym]: 'value' } });
assert.sameValue(c.globalThis[sym], 'value');
