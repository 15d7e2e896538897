/*---
description: Evaluated code is strict, so this in a plain function call is undefined.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('(function () { return this; })()'), undefined);
