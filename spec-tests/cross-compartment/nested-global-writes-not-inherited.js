/*---
description: A child compartment does not see properties its parent compartment added to its own global.
---*/
const a = new Compartment();
a.evaluate('globalThis.parentOnly = 1');
assert.sameValue(a.evaluate('new Compartment().evaluate("typeof parentOnly")'), 'undefined');
