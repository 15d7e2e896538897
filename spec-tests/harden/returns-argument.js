/*---
description: harden returns its argument (the same reference) and freezes it.
---*/
lockdown();
const o = {};
assert.sameValue(harden(o), o);
assert(Object.isFrozen(o), 'frozen');
const a = [];
assert.sameValue(harden(a), a);
