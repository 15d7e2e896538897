/*---
description: Top-level this in evaluated code is the compartment's global object.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('this'), c.globalThis);
assert.sameValue(c.evaluate('(() => this)()'), c.globalThis);
