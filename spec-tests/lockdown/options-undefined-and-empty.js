/*---
description: lockdown(undefined) is the same as lockdown() and both lock down with the defaults.
---*/
lockdown(undefined);
assert.sameValue(typeof harden, 'function');
assert(Object.isFrozen(Object.prototype), 'Object.prototype is frozen');
