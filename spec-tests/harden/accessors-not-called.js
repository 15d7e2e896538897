/*---
description: harden does not call getters (an accessor's getter runs no code during harden).
---*/
lockdown();
let calls = 0;
const o = {
  get g() { calls += 1; return {}; },
  get boom() { throw new Error('getter called'); },
};
harden(o);
assert.sameValue(calls, 0);
assert(Object.isFrozen(o), 'frozen');
