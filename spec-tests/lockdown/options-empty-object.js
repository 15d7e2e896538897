/*---
description: lockdown({}) locks down with the default options.
---*/
lockdown({});
assert.sameValue(typeof harden, 'function');
assert(Object.isFrozen(Function.prototype), 'Function.prototype is frozen');
