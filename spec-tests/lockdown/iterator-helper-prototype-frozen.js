/*---
description: After lockdown the prototype of iterator helper objects is frozen.
---*/
lockdown();
const helper = [].values().map(x => x);
assert(Object.isFrozen(Object.getPrototypeOf(helper)), '%IteratorHelperPrototype%');
const c = new Compartment();
assert(c.evaluate('Object.isFrozen(Object.getPrototypeOf([1].values().filter(Boolean)))'), 'in a compartment');
