/*---
description: The accessors override enablement installs are named as SetFunctionName names them, brackets around a symbol's description.
---*/
lockdown();
const iterator = Object.getOwnPropertyDescriptor(Array.prototype, Symbol.iterator);
assert.sameValue(iterator.get.name, 'get [Symbol.iterator]');
assert.sameValue(iterator.set.name, 'set [Symbol.iterator]');
const toString = Object.getOwnPropertyDescriptor(Object.prototype, 'toString');
assert.sameValue(toString.get.name, 'get toString');
assert.sameValue(toString.set.name, 'set toString');
