/*---
description: Code in a compartment cannot modify the start compartment's global bindings.
---*/
globalThis.shared = 'start';
const c = new Compartment();
c.evaluate('globalThis.shared = "compartment"');
assert.sameValue(globalThis.shared, 'start');
assert.throws(ReferenceError, () => c.evaluate('assert = null'));
assert.sameValue(typeof assert, 'function');
