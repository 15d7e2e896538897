/*---
description: With legacyRegeneratorRuntimeTaming 'unsafe-ignore', the regenerator-runtime pattern runs in a compartment without throwing.
---*/
lockdown({ legacyRegeneratorRuntimeTaming: 'unsafe-ignore' });
const c = new Compartment();
const result = c.evaluate(`
  const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
  IteratorPrototype[Symbol.iterator] = function () { return this; };
  typeof IteratorPrototype[Symbol.iterator]
`);
assert.sameValue(result, 'function');
