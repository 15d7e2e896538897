/*---
description: In a compartment made after lockdown, Math.random() throws a TypeError.
---*/
lockdown();
const c = new Compartment();
const error = assert.throws(TypeError, () => c.evaluate('Math.random()'));
assert(String(error.message).includes('secure mode'), `message: ${error.message}`);
