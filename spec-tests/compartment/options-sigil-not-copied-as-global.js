/*---
description: The keys of an options bag (__options__, globals, name) do not become globals.
---*/
const c = new Compartment({ __options__: true, globals: { a: 1 }, name: 'n' });
assert.sameValue(c.evaluate('typeof __options__'), 'undefined');
assert.sameValue(c.evaluate('typeof globals'), 'undefined');
assert.sameValue(Object.getOwnPropertyDescriptor(c.globalThis, 'name'), undefined);
