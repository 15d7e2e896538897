/*---
description: When a proxy's getPrototypeOf trap throws, harden throws that error.
---*/
lockdown();
class Boom extends Error {}
const proxy = new Proxy({}, { getPrototypeOf() { throw new Boom('no'); } });
assert.throws(Boom, () => harden(proxy));
