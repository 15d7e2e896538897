/*---
description: A hardened Date can still change its time value (internal state).
---*/
lockdown();
const d = harden(new Date(0));
d.setTime(5);
assert.sameValue(d.getTime(), 5);
