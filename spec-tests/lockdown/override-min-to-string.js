/*---
description: With overrideTaming min, Object.prototype.toString is still enabled.
---*/
lockdown({ overrideTaming: 'min' });
const c = new Compartment();
assert.sameValue(c.evaluate("const o = {}; o.toString = () => 'x'; `${o}`"), 'x');
