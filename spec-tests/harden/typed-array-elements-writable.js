/*---
description: A hardened typed array keeps writable elements (freezing a non-empty typed array would throw).
---*/
lockdown();
const ta = new Uint8Array(2);
assert.sameValue(harden(ta), ta);
ta[0] = 5;
assert.sameValue(ta[0], 5);
