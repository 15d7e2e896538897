/*---
description: After lockdown %ThrowTypeError% (the strict arguments.callee accessor) is frozen.
---*/
lockdown();
const args = (function () { 'use strict'; return arguments; })();
const thrower = Object.getOwnPropertyDescriptor(args, 'callee').get;
assert.sameValue(typeof thrower, 'function');
assert(Object.isFrozen(thrower), '%ThrowTypeError% is frozen');
assert.throws(TypeError, () => thrower());
