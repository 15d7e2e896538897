/*---
description: When a proxy's ownKeys trap throws, harden throws that error.
---*/
lockdown();
class Boom extends Error {}
const proxy = new Proxy({}, { ownKeys() { throw new Boom('no'); } });
assert.throws(Boom, () => harden(proxy));
