/*---
description: Lockdown removes non-standard properties that were added to shared intrinsics before it ran.
---*/
Array.prototype.evil = 1;
Object.prototype.polluted = {};
Object.defineProperty(Function.prototype, 'sneaky', { get() { return 1; }, configurable: true });
lockdown({ reporting: 'none' });
assert.sameValue('evil' in Array.prototype, false, 'Array.prototype.evil');
assert.sameValue('polluted' in Object.prototype, false, 'Object.prototype.polluted');
assert.sameValue('sneaky' in Function.prototype, false, 'Function.prototype.sneaky');
const c = new Compartment();
assert.sameValue(c.evaluate('[].evil'), undefined);
