/*---
description: A globalLexicals binding shadows a global property of the same name.
---*/
const c = new Compartment({ globals: { x: 'global' }, globalLexicals: { x: 'lexical' } });
assert.sameValue(c.evaluate('x'), 'lexical');
assert.sameValue(c.globalThis.x, 'global');
