/*---
description: After lockdown rejects an unknown value the engine is not locked down, even when other options were valid.
---*/
let thrown = false;
try { lockdown({ errorTaming: 'unsafe', overrideTaming: 'extreme' }); } catch (e) { thrown = e instanceof TypeError; }
assert(thrown, 'bad value throws TypeError');
assert(!Object.isFrozen(Object.prototype), 'Object.prototype still mutable');
lockdown({ reporting: 'none' });
assert.sameValue(typeof harden, 'function');
// The rejected call's errorTaming 'unsafe' was not applied.
assert.sameValue(new Error('m').stack, 'Error: m');
