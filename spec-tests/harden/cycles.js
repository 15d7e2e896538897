/*---
description: harden terminates on cyclic object graphs.
---*/
lockdown();
const a = {};
a.self = a;
const b = { a };
a.b = b;
harden(a);
assert(Object.isFrozen(a), 'a');
assert(Object.isFrozen(b), 'b');
