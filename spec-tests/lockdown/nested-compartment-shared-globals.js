/*---
description: A compartment made after lockdown by another compartment also gets the powerless Date, harden and the frozen intrinsics.
---*/
lockdown();
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate('new Compartment().evaluate("Date.now()")'));
assert.throws(TypeError, () => c.evaluate('new Compartment().evaluate("Math.random()")'));
assert.sameValue(c.evaluate('new Compartment().evaluate("harden")'), harden);
assert.sameValue(c.evaluate('new Compartment().evaluate("typeof Float64Array")'), 'undefined');
