/*---
description: harden freezes a function, its prototype object and its own property values.
---*/
lockdown();
function F() {}
F.extra = {};
harden(F);
assert(Object.isFrozen(F), 'F');
assert(Object.isFrozen(F.prototype), 'F.prototype');
assert(Object.isFrozen(F.extra), 'F.extra');
