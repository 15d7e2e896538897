/*---
description: After lockdown, assigning error.stack defines an own property on the error.
---*/
lockdown();
const e = new Error('m');
e.stack = 's';
assert.sameValue(e.stack, 's');
assert(Object.prototype.hasOwnProperty.call(e, 'stack'), 'own property');
const c = new Compartment();
assert.sameValue(c.evaluate("const e = new TypeError('m'); e.stack = 'custom'; e.stack"), 'custom');
