/*---
description: With evalTaming 'no-eval', the start compartment's Function constructor throws TypeError.
---*/
lockdown({ evalTaming: 'no-eval' });
assert.throws(TypeError, () => Function('return 1'));
assert.throws(TypeError, () => new Function('return 1'));
