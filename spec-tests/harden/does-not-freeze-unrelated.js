/*---
description: harden freezes only what its argument reaches; an unrelated object stays mutable.
---*/
lockdown();
const reached = {};
const unrelated = {};
harden({ reached });
assert(Object.isFrozen(reached), 'reached');
assert.sameValue(Object.isFrozen(unrelated), false);
