/*---
description: Option values are case-sensitive, so errorTaming 'Safe' is rejected with a TypeError naming errorTaming.
---*/
const error = assert.throws(TypeError, () => lockdown({ errorTaming: 'Safe' }));
assert(String(error.message).includes('errorTaming'), `message: ${error.message}`);
