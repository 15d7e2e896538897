/*---
description: In a compartment made after lockdown, calling Date() as a function throws TypeError (it would read the clock).
---*/
lockdown();
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate('Date()'));
assert.throws(TypeError, () => c.evaluate('Date(0)'));
