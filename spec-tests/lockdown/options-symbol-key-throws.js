/*---
description: A symbol-keyed option is an unknown option and throws TypeError.
---*/
assert.throws(TypeError, () => lockdown({ [Symbol('errorTaming')]: 'safe' }));
