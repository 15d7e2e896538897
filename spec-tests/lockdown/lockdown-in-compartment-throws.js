/*---
description: lockdown called inside a compartment made after lockdown throws SES_ALREADY_LOCKED_DOWN.
---*/
lockdown();
const c = new Compartment();
const error = assert.throws(TypeError, () => c.evaluate('lockdown()'));
assert(String(error.message).includes('SES_ALREADY_LOCKED_DOWN'), `message: ${error.message}`);
