/*---
description: An error thrown by an option getter propagates out of lockdown and leaves the engine unlocked.
---*/
let error;
try {
  lockdown({ get errorTaming() { throw new RangeError('from getter'); } });
} catch (e) {
  error = e;
}
assert.sameValue(Object.getPrototypeOf(error), RangeError.prototype);
assert.sameValue(typeof harden, 'undefined');
lockdown({ reporting: 'none' });
assert.sameValue(typeof harden, 'function');
