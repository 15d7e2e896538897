/*---
description: harden freezes every object reachable through properties, at any depth.
---*/
lockdown();
const o = { a: { b: [1, { c: 2 }] } };
harden(o);
assert(Object.isFrozen(o), 'o');
assert(Object.isFrozen(o.a), 'o.a');
assert(Object.isFrozen(o.a.b), 'o.a.b');
assert(Object.isFrozen(o.a.b[1]), 'o.a.b[1]');
