/*---
description: Object endowments are shared by identity, not copied.
---*/
const shared = { n: 1 };
const c = new Compartment({ __options__: true, globals: { shared } });
assert.sameValue(c.globalThis.shared, shared);
c.evaluate('shared.n = 2');
assert.sameValue(shared.n, 2);
