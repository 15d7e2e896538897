/*---
description: Other globals on a compartment global are writable, configurable, non-enumerable data properties.
---*/
const c = new Compartment();
for (const name of ['Array', 'Object', 'JSON', 'Math', 'eval', 'Function', 'Compartment', 'globalThis']) {
  const desc = Object.getOwnPropertyDescriptor(c.globalThis, name);
  assert(desc !== undefined, `${name} is an own property`);
  assert.sameValue(desc.writable, true, `${name} writable`);
  assert.sameValue(desc.configurable, true, `${name} configurable`);
  assert.sameValue(desc.enumerable, false, `${name} enumerable`);
}
