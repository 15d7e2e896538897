/*---
description: After lockdown rejects an unknown option name the engine is not locked down and a valid lockdown succeeds.
---*/
let thrown = false;
try { lockdown({ bogus: true }); } catch (e) { thrown = e instanceof TypeError; }
assert(thrown, 'unknown option throws TypeError');
assert.sameValue(typeof harden, 'undefined', 'harden not installed');
assert(!Object.isFrozen(Array.prototype), 'intrinsics not frozen');
lockdown({ reporting: 'none' });
assert(Object.isFrozen(Array.prototype), 'locked down after the valid call');
