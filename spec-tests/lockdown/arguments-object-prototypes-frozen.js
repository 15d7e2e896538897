/*---
description: After lockdown the prototypes reached from arguments objects are frozen.
---*/
lockdown();
const c = new Compartment();
const args = c.evaluate('(function () { return arguments; })(1, 2)');
assert(Object.isFrozen(Object.getPrototypeOf(args)), 'Object.prototype');
assert(Object.isFrozen(args[Symbol.iterator]), 'arguments[@@iterator]');
assert.sameValue(Object.isFrozen(args), false, 'the arguments object itself is not frozen');
