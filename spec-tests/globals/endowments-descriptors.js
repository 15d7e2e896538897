/*---
description: Endowments become writable, enumerable, configurable data properties, even if the source property was not writable.
---*/
const endowments = {};
Object.defineProperty(endowments, 'frozenValue', { value: 1, writable: false, enumerable: true, configurable: false });
endowments.plain = 2;
const c = new Compartment({ __options__: true, globals: endowments });
for (const name of ['frozenValue', 'plain']) {
  const desc = Object.getOwnPropertyDescriptor(c.globalThis, name);
  assert.sameValue(desc.writable, true, `${name} writable`);
  assert.sameValue(desc.enumerable, true, `${name} enumerable`);
  assert.sameValue(desc.configurable, true, `${name} configurable`);
}
assert.sameValue(c.evaluate('frozenValue = 5; frozenValue'), 5);
