/*---
description: lockdown() with no arguments after lockdown throws SES_ALREADY_LOCKED_DOWN and harden keeps working.
---*/
lockdown();
const error = assert.throws(TypeError, () => lockdown());
assert(String(error.message).includes('SES_ALREADY_LOCKED_DOWN'), `message: ${error.message}`);
const o = harden({});
assert(Object.isFrozen(o), 'harden still works');
