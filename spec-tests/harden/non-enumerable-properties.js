/*---
description: harden also reaches values of non-enumerable properties.
---*/
lockdown();
const hidden = {};
const o = {};
Object.defineProperty(o, 'hidden', { value: hidden, enumerable: false, writable: true, configurable: true });
harden(o);
assert(Object.isFrozen(hidden), 'non-enumerable value frozen');
assert.sameValue(Object.getOwnPropertyDescriptor(o, 'hidden').writable, false);
