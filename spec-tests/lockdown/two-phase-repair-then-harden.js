/*---
description: "repairIntrinsics(options) then hardenIntrinsics() is lockdown in two steps (SES): after the first the intrinsics are tamed and permit-checked but still mutable, so a vetted shim can extend them and add HandledPromise; the second hardens everything, the shim's additions included, and shares them (and HandledPromise) with compartments made afterwards."
---*/
assert.sameValue(typeof repairIntrinsics, 'function');
assert.sameValue(typeof hardenIntrinsics, 'function');
assert.throws(TypeError, () => hardenIntrinsics(), 'hardenIntrinsics before repairIntrinsics');
Array.prototype.polluted = 1;
repairIntrinsics({ errorTaming: 'safe' });
assert.sameValue(Array.prototype.polluted, undefined, 'the permit walk ran');
assert.sameValue(Object.isFrozen(Array.prototype), false, 'still mutable between the phases');
assert.sameValue(typeof TypedArray, 'undefined', "Boa's TypedArray global is gone");
assert.sameValue(typeof harden, 'undefined', 'harden comes with hardenIntrinsics');
// A vetted shim.
Promise.prototype.shimmed = function shimmed() { return 'shim'; };
class HandledPromise extends Promise {}
globalThis.HandledPromise = HandledPromise;
hardenIntrinsics();
assert(Object.isFrozen(Array.prototype) && Object.isFrozen(Promise.prototype), 'hardened');
assert(Object.isFrozen(Promise.prototype.shimmed), "the shim's addition is hardened");
assert(Object.isFrozen(HandledPromise) && Object.isFrozen(HandledPromise.prototype), 'HandledPromise hardened');
assert.sameValue(typeof harden, 'function');
const c = new Compartment();
assert.sameValue(c.evaluate('Promise.prototype.shimmed()'), 'shim');
assert.sameValue(c.globalThis.HandledPromise, HandledPromise, 'HandledPromise is shared');
// Compared by name: the harness's call sites from before hardening can meet Boa's stale inline
// caches once `constructor` becomes an override-enabling accessor (harness/assert.js).
const nameOf = f => { try { f(); return 'no error'; } catch (e) { return e.name; } };
assert.sameValue(nameOf(() => hardenIntrinsics()), 'TypeError', 'twice');
assert.sameValue(nameOf(() => repairIntrinsics()), 'TypeError', 'after lockdown');
assert.sameValue(nameOf(() => lockdown()), 'TypeError', 'lockdown after the two phases');
