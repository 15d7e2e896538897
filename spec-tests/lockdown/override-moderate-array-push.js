/*---
description: With overrideTaming moderate, assigning push on an array defines an own property.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('const a = []; a.push = 1; a.push'), 1);
assert.sameValue(c.evaluate("const b = []; b.push = 1; Object.prototype.hasOwnProperty.call(b, 'push')"), true);
