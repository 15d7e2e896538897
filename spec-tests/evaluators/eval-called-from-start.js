/*---
description: A compartment's eval can be called from the start compartment and still uses the compartment's globals.
---*/
const c = new Compartment({ __options__: true, globals: { Array: 'endowed' } });
assert.sameValue(c.globalThis.eval('typeof Array'), 'string');
assert.sameValue(c.globalThis.eval('Array'), 'endowed');
const other = new Compartment();
assert.sameValue(other.globalThis.eval('typeof Array'), 'function');
