/*---
description: After lockdown the prototype of async functions is frozen.
---*/
lockdown();
const c = new Compartment();
const f = c.evaluate('(async function () {})');
assert(Object.isFrozen(Object.getPrototypeOf(f)), '%AsyncFunction.prototype%');
assert(Object.isFrozen(Object.getPrototypeOf(f).constructor), '%AsyncFunction%');
