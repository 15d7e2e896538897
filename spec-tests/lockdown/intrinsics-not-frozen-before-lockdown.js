/*---
description: Before lockdown the intrinsics are not frozen.
---*/
assert.sameValue(Object.isFrozen(Array.prototype), false);
assert.sameValue(Object.isFrozen(Object.prototype), false);
assert.sameValue(Object.isExtensible(Math), true);
