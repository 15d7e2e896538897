/*---
description: With evalTaming 'no-eval', eval of a string in the start compartment throws a TypeError mentioning SES_NO_EVAL.
---*/
lockdown({ evalTaming: 'no-eval' });
const error = assert.throws(TypeError, () => (0, eval)('1'));
assert(String(error.message).includes('SES_NO_EVAL'), `message: ${error.message}`);
