/*---
description: After lockdown, Object.defineProperty on Object.prototype throws TypeError.
---*/
lockdown();
assert.throws(TypeError, () => Object.defineProperty(Object.prototype, 'x', { value: 1 }));
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate("Object.defineProperty(Object.prototype, 'x', { value: 1 })"));
assert.sameValue(({}).x, undefined);
