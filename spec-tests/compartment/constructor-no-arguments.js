/*---
description: new Compartment() with no arguments creates a working compartment with default globals.
---*/
const c = new Compartment();
assert(c instanceof Compartment, 'instance of Compartment');
assert.sameValue(c.evaluate('1 + 1'), 2);
assert.sameValue(c.evaluate('typeof Array'), 'function');
