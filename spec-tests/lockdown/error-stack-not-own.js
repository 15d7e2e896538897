/*---
description: After lockdown a fresh error has no own stack property; stack comes from an accessor on Error.prototype.
---*/
lockdown();
const e = new Error('m');
assert.sameValue(Object.prototype.hasOwnProperty.call(e, 'stack'), false);
const desc = Object.getOwnPropertyDescriptor(Error.prototype, 'stack');
assert.sameValue(typeof desc.get, 'function');
assert.sameValue(typeof desc.set, 'function');
