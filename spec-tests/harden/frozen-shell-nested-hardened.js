/*---
description: harden walks into an object that was already frozen and freezes what it reaches.
---*/
lockdown();
const inner = {};
const outer = Object.freeze({ inner });
harden(outer);
assert(Object.isFrozen(inner), 'inner frozen');
