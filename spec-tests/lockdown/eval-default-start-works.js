/*---
description: With the default evalTaming, indirect eval and Function still work in the start compartment after lockdown.
---*/
lockdown();
assert.sameValue((0, eval)('1 + 1'), 2);
assert.sameValue(Function('return 1')(), 1);
