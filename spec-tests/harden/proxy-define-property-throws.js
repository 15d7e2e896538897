/*---
description: When a proxy's defineProperty trap throws while harden freezes it, harden throws that error.
---*/
lockdown();
class Boom extends Error {}
const proxy = new Proxy({ x: 1 }, { defineProperty() { throw new Boom('no'); } });
assert.throws(Boom, () => harden(proxy));
