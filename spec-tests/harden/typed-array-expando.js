/*---
description: An expando property of a typed array becomes non-writable and non-configurable, and its value is hardened.
---*/
lockdown();
const ta = new Uint8Array(2);
ta.x = {};
harden(ta);
const desc = Object.getOwnPropertyDescriptor(ta, 'x');
assert.sameValue(desc.writable, false);
assert.sameValue(desc.configurable, false);
assert(Object.isFrozen(ta.x), 'expando value frozen');
