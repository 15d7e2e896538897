/*---
description: With the default overrideTaming, a subclass of Error can set name on its prototype by assignment.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate("class C extends Error {} C.prototype.name = 'C'; new C('m').name"), 'C');
