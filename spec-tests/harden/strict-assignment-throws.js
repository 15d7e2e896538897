/*---
description: Assigning to a property of a hardened object, or adding one, throws TypeError in strict code.
---*/
lockdown();
const o = harden({ x: 1 });
assert.throws(TypeError, () => { o.x = 2; });
assert.throws(TypeError, () => { o.y = 2; });
assert.sameValue(o.x, 1);
