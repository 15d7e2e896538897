/*---
description: With overrideTaming min, Error.prototype.name is still enabled, so a subclass can set name by assignment.
---*/
lockdown({ overrideTaming: 'min' });
const c = new Compartment();
assert.sameValue(c.evaluate("class C extends Error {} C.prototype.name = 'C'; new C('m').name"), 'C');
