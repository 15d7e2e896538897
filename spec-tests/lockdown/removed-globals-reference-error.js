/*---
description: In a compartment made after lockdown, a bare reference to a removed global (Float64Array, WeakRef, SharedArrayBuffer) throws ReferenceError, as for any undeclared name.
---*/
lockdown();
const c = new Compartment();
for (const name of ['Float64Array', 'Float32Array', 'WeakRef', 'FinalizationRegistry', 'SharedArrayBuffer', 'Atomics']) {
  assert.throws(ReferenceError, () => c.evaluate(name), name);
}
