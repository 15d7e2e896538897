/*---
description: Infinity, NaN and undefined on a compartment global are non-writable, non-enumerable, non-configurable.
---*/
const c = new Compartment();
for (const name of ['Infinity', 'NaN', 'undefined']) {
  const desc = Object.getOwnPropertyDescriptor(c.globalThis, name);
  assert(desc !== undefined, `${name} is an own property`);
  assert.sameValue(desc.writable, false, `${name} writable`);
  assert.sameValue(desc.configurable, false, `${name} configurable`);
  assert.sameValue(desc.enumerable, false, `${name} enumerable`);
}
assert.sameValue(c.globalThis.Infinity, Infinity);
assert.sameValue(c.globalThis.NaN, NaN);
assert.sameValue(c.globalThis.undefined, undefined);
