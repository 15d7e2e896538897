/*---
description: With the default overrideTaming, an error instance can get its own toString by assignment.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate("const e = new Error('m'); e.toString = () => 'custom'; String(e)"), 'custom');
