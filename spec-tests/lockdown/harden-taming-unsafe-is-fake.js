/*---
description: With __hardenTaming__ 'unsafe', harden is marked fake and returns its argument without freezing it.
---*/
lockdown({ __hardenTaming__: 'unsafe' });
assert.sameValue(harden.isFake, true);
const o = { a: {} };
assert.sameValue(harden(o), o);
o.b = 1;
assert.sameValue(o.b, 1, 'the object is still mutable');
assert.sameValue(Reflect.isExtensible(o), false, 'Reflect.isExtensible lies too');
