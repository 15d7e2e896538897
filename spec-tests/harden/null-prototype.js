/*---
description: harden handles objects with a null prototype.
---*/
lockdown();
const o = Object.create(null);
o.inner = Object.create(null);
harden(o);
assert(Object.isFrozen(o), 'o');
assert(Object.isFrozen(o.inner), 'o.inner');
