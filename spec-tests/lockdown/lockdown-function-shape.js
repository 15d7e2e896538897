/*---
description: lockdown is a function named lockdown.
---*/
assert.sameValue(typeof lockdown, 'function');
assert.sameValue(lockdown.name, 'lockdown');
