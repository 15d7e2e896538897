/*---
description: An options bag marked with __options__ true supplies globals and name.
---*/
const c = new Compartment({ __options__: true, globals: { a: 1 }, name: 'n' });
assert.sameValue(c.evaluate('a'), 1);
assert.sameValue(c.globalThis.a, 1);
assert.sameValue(c.name, 'n');
