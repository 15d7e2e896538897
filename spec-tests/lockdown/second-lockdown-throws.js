/*---
description: A second lockdown() throws a TypeError whose message contains SES_ALREADY_LOCKED_DOWN.
---*/
lockdown({ reporting: 'none' });
const error = assert.throws(TypeError, () => lockdown({ reporting: 'none' }));
assert(String(error.message).includes('SES_ALREADY_LOCKED_DOWN'), `message: ${error.message}`);
