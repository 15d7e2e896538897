/*---
description: In a compartment made after lockdown, Date.now() throws a TypeError mentioning secure mode.
---*/
lockdown();
const c = new Compartment();
const error = assert.throws(TypeError, () => c.evaluate('Date.now()'));
assert(String(error.message).includes('secure mode'), `message: ${error.message}`);
