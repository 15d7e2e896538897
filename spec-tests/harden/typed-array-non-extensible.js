/*---
description: A hardened typed array is not extensible.
---*/
lockdown();
const ta = new Uint8Array(2);
harden(ta);
assert.sameValue(Object.isExtensible(ta), false);
assert.throws(TypeError, () => { ta.extra = 1; });
