/*---
description: Hardening the same object twice is harmless and returns it both times.
---*/
lockdown();
const o = { a: {} };
assert.sameValue(harden(o), o);
assert.sameValue(harden(o), o);
assert(Object.isFrozen(o.a), 'still frozen');
