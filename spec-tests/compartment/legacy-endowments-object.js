/*---
description: A single object with no known option key is the legacy endowments object, so its keys become globals.
---*/
const c = new Compartment({ z: 3 });
assert.sameValue(c.evaluate('z'), 3);
assert.sameValue(c.globalThis.z, 3);
