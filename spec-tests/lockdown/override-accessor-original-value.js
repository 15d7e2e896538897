/*---
description: An enabled property becomes an accessor whose getter carries the original function as originalValue, and the method still works.
---*/
const original = Object.prototype.toString;
lockdown();
const desc = Object.getOwnPropertyDescriptor(Object.prototype, 'toString');
assert.sameValue(typeof desc.get, 'function', 'getter');
assert.sameValue(typeof desc.set, 'function', 'setter');
assert.sameValue(desc.get.originalValue, original);
assert.sameValue(desc.get.call({}), original);
assert.sameValue(({}).toString(), '[object Object]');
assert.sameValue(Object.prototype.toString, original);
