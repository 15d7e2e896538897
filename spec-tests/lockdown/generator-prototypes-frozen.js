/*---
description: After lockdown the prototypes reached from generator functions and generator objects are frozen.
---*/
lockdown();
const c = new Compartment();
const [genFn, genObj] = c.evaluate('function* g() { yield 1; } [g, g()]');
assert(Object.isFrozen(Object.getPrototypeOf(genFn)), '%GeneratorFunction.prototype%');
assert(Object.isFrozen(Object.getPrototypeOf(Object.getPrototypeOf(genObj))), '%GeneratorPrototype%');
assert(Object.isFrozen(Object.getPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf(genObj)))), '%IteratorPrototype%');
assert(Object.isFrozen(Object.getPrototypeOf(genFn).constructor), '%GeneratorFunction%');
