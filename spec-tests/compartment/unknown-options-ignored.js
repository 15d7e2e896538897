/*---
description: Unknown keys in an options bag are ignored and do not become globals.
---*/
const c = new Compartment({ __options__: true, frobnicate: 1, globals: { a: 1 } });
assert.sameValue(c.evaluate('a'), 1);
assert.sameValue(c.evaluate('typeof frobnicate'), 'undefined');
