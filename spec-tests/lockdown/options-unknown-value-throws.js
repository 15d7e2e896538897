/*---
description: An unknown option value throws a TypeError whose message names the option.
---*/
const error = assert.throws(TypeError, () => lockdown({ evalTaming: 'bogus' }));
assert(String(error.message).includes('evalTaming'), `message: ${error.message}`);
