/*---
description: A compartment's eval, Function and Compartment are frozen.
---*/
const c = new Compartment();
assert(Object.isFrozen(c.globalThis.eval), 'eval frozen');
assert(Object.isFrozen(c.globalThis.Function), 'Function frozen');
assert(Object.isFrozen(c.globalThis.Compartment), 'Compartment frozen');
