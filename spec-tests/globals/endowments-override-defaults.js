/*---
description: Endowments override the compartment's default globals.
---*/
const c = new Compartment({ __options__: true, globals: { Array: 1, JSON: 'json' } });
assert.sameValue(c.evaluate('Array'), 1);
assert.sameValue(c.globalThis.JSON, 'json');
assert.sameValue(typeof Array, 'function', 'start compartment unaffected');
