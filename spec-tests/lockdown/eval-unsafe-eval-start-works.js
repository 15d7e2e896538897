/*---
description: With evalTaming 'unsafe-eval', eval and Function work in the start compartment after lockdown.
---*/
lockdown({ evalTaming: 'unsafe-eval' });
assert.sameValue((0, eval)('2 * 3'), 6);
assert.sameValue(Function('a', 'return a + 1')(1), 2);
