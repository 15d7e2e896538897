/*---
description: With the default overrideTaming, assigning toString to an object that inherits the frozen Object.prototype.toString works.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate("const o = {}; o.toString = () => 'x'; `${o}`"), 'x');
const o = {};
o.toString = () => 'y';
assert.sameValue(String(o), 'y');
