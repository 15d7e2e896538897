/*---
description: After lockdown a new Compartment instance is an ordinary extensible object (lockdown hardens intrinsics, not instances).
---*/
lockdown();
const c = new Compartment();
assert.sameValue(Object.isFrozen(c), false);
assert(Object.isFrozen(harden(c)), 'harden freezes it');
assert.sameValue(c.evaluate('1 + 2'), 3, 'a hardened compartment still works');
