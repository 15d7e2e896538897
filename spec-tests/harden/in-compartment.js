/*---
description: harden works inside a compartment made after lockdown.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('const o = harden({ a: { b: [] } }); Object.isFrozen(o.a.b)'), true);
assert.sameValue(c.evaluate('harden(5)'), 5);
