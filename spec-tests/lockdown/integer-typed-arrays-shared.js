/*---
description: Compartments made after lockdown share the start's integer typed array constructors.
---*/
lockdown();
const c = new Compartment();
const names = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array'];
for (const name of names) {
  assert.sameValue(c.evaluate(name), globalThis[name], name);
}
assert.sameValue(c.evaluate('new Uint8Array([1, 2])[1]'), 2);
