/*---
description: A hardened array cannot grow, shrink or change elements.
---*/
lockdown();
const a = harden([1, , 3]);
assert.throws(TypeError, () => a.push(4));
assert.throws(TypeError, () => { a.length = 0; });
assert.throws(TypeError, () => { a[1] = 2; });
assert.sameValue(a.length, 3);
