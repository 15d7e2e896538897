/*---
description: In a compartment made after lockdown, a subclass of the shared Date works with arguments and throws without them.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('class D extends Date {} new D(5).getTime()'), 5);
assert.throws(TypeError, () => c.evaluate('class D extends Date {} new D()'));
