/*---
description: With overrideTaming min, assigning push on an array throws TypeError.
---*/
lockdown({ overrideTaming: 'min' });
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate('const a = []; a.push = 1;'));
