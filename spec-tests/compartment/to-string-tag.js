/*---
description: A compartment stringifies as [object Compartment].
---*/
const c = new Compartment();
assert.sameValue(String(c), '[object Compartment]');
assert.sameValue(Object.prototype.toString.call(c), '[object Compartment]');
