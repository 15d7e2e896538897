/*---
description: In a compartment made after lockdown, new Date() with no arguments throws TypeError (it would read the clock).
---*/
lockdown();
const c = new Compartment();
const error = assert.throws(TypeError, () => c.evaluate('new Date()'));
assert(String(error.message).includes('secure mode'), `message: ${error.message}`);
