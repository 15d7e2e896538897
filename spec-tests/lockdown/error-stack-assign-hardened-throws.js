/*---
description: Assigning stack on a hardened error throws TypeError and leaves the stack unchanged.
---*/
lockdown();
const e = harden(new Error('m'));
assert.throws(TypeError, () => { e.stack = 's'; });
assert.sameValue(e.stack, 'Error: m');
