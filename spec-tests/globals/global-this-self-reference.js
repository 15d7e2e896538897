/*---
description: Inside a compartment, globalThis refers to the compartment's global object.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('globalThis'), c.globalThis);
assert.sameValue(c.globalThis.globalThis, c.globalThis);
