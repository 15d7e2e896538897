/*---
description: A non-string value for a string option (overrideTaming 5) throws a TypeError naming the option.
---*/
const error = assert.throws(TypeError, () => lockdown({ overrideTaming: 5 }));
assert(String(error.message).includes('overrideTaming'), `message: ${error.message}`);
