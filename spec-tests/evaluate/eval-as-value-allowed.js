/*---
description: Referring to eval without calling it is allowed.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('eval'), c.globalThis.eval);
assert.sameValue(c.evaluate('typeof eval'), 'function');
