/*---
description: lockdown() returns undefined.
---*/
assert.sameValue(lockdown(), undefined);
