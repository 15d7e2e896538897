/*---
description: A property assigned to globalThis persists across evaluate calls and is visible as an identifier.
---*/
const c = new Compartment();
c.evaluate('globalThis.x = 1');
assert.sameValue(c.evaluate('x'), 1);
assert.sameValue(c.globalThis.x, 1);
c.globalThis.y = 2;
assert.sameValue(c.evaluate('y'), 2, 'outside writes are seen too');
c.evaluate('x = 3');
assert.sameValue(c.globalThis.x, 3, 'assignment to an existing global property');
