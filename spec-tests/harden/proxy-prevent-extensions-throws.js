/*---
description: When a proxy's preventExtensions trap throws, harden throws that error.
---*/
lockdown();
class Boom extends Error {}
const proxy = new Proxy({}, { preventExtensions() { throw new Boom('no'); } });
assert.throws(Boom, () => harden(proxy));
