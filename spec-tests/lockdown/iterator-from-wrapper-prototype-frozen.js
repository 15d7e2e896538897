/*---
description: After lockdown the prototype of the wrapper returned by Iterator.from is frozen.
---*/
lockdown();
const wrapped = Iterator.from({ next() { return { done: true }; } });
assert(Object.isFrozen(Object.getPrototypeOf(wrapped)), '%WrapForValidIteratorPrototype%');
