/*---
description: A hardened Map can still be updated (harden does not touch internal state).
---*/
lockdown();
const m = harden(new Map());
assert(Object.isFrozen(m), 'frozen');
m.set('k', 1);
assert.sameValue(m.get('k'), 1);
const s = harden(new Set());
s.add(1);
assert.sameValue(s.size, 1);
