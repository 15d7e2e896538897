/*---
description: After lockdown the prototypes reached from async generator functions and their objects are frozen.
---*/
lockdown();
const c = new Compartment();
const [fn, obj] = c.evaluate('async function* g() {} [g, g()]');
assert(Object.isFrozen(Object.getPrototypeOf(fn)), '%AsyncGeneratorFunction.prototype%');
assert(Object.isFrozen(Object.getPrototypeOf(Object.getPrototypeOf(obj))), '%AsyncGeneratorPrototype%');
assert(Object.isFrozen(Object.getPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf(obj)))), '%AsyncIteratorPrototype%');
