/*---
description: Each compartment has its own globalThis, eval, Function and Compartment, distinct from the start compartment's and from each other's.
---*/
const a = new Compartment();
const b = new Compartment();
for (const name of ['eval', 'Function', 'Compartment']) {
  assert.notSameValue(a.globalThis[name], globalThis[name], `${name} vs start`);
  assert.notSameValue(a.globalThis[name], b.globalThis[name], `${name} vs other compartment`);
  assert.sameValue(typeof a.globalThis[name], 'function', name);
}
assert.notSameValue(a.globalThis, globalThis);
assert.notSameValue(a.globalThis, b.globalThis);
