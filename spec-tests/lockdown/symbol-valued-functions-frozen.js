/*---
description: After lockdown symbol-keyed intrinsic functions such as Array.prototype[Symbol.iterator] and Symbol.prototype[Symbol.toPrimitive] are frozen.
---*/
lockdown();
assert(Object.isFrozen(Array.prototype.values), 'Array.prototype.values');
assert(Object.isFrozen(Symbol.prototype[Symbol.toPrimitive]), 'Symbol.prototype[@@toPrimitive]');
assert(Object.isFrozen(Function.prototype[Symbol.hasInstance]), 'Function.prototype[@@hasInstance]');
