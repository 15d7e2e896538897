/*---
description: The deprecated evalTaming spelling 'noEval' behaves like 'no-eval'.
---*/
lockdown({ evalTaming: 'noEval' });
const error = assert.throws(TypeError, () => (0, eval)('1'));
assert(String(error.message).includes('SES_NO_EVAL'), `message: ${error.message}`);
