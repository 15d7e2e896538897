/*---
description: A compartment made before lockdown keeps its globals, so it does not get harden.
---*/
const c = new Compartment();
lockdown();
assert.sameValue(c.evaluate('typeof harden'), 'undefined');
