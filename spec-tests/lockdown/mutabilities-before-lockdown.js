/*---
description: Before lockdown mutabilities reports intrinsics reachable from a compartment's global as mutable.
---*/
const found = mutabilities(new Compartment().globalThis);
assert(found.some(path => !path.startsWith('root:')), 'intrinsics are mutable before lockdown');
