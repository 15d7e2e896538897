/*---
description: harden freezes an error object and what it refers to.
---*/
lockdown();
const cause = {};
const e = harden(new Error('m', { cause }));
assert(Object.isFrozen(e), 'error frozen');
assert(Object.isFrozen(cause), 'cause frozen');
assert.sameValue(e.message, 'm');
