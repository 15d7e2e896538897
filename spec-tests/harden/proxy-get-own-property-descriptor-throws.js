/*---
description: When a proxy's getOwnPropertyDescriptor trap throws while harden walks it, harden throws that error.
---*/
lockdown();
class Boom extends Error {}
const proxy = new Proxy({ x: 1 }, { getOwnPropertyDescriptor() { throw new Boom('no'); } });
assert.throws(Boom, () => harden(proxy));
