/*---
description: lockdown called inside a compartment made before lockdown also throws SES_ALREADY_LOCKED_DOWN once the engine is locked down.
---*/
const c = new Compartment();
lockdown();
const error = assert.throws(TypeError, () => c.evaluate('lockdown()'));
assert(String(error.message).includes('SES_ALREADY_LOCKED_DOWN'), `message: ${error.message}`);
