/*---
description: An unknown option name throws a TypeError whose message contains the name.
---*/
const error = assert.throws(TypeError, () => lockdown({ frobnicateTaming: 'safe' }));
assert(String(error.message).includes('frobnicateTaming'), `message: ${error.message}`);
