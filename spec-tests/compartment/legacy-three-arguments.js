/*---
description: The legacy form new Compartment(globals, modules, options) takes globals from the first argument and options from the third.
---*/
const c = new Compartment({ g: 'global' }, {}, { name: 'legacy' });
assert.sameValue(c.evaluate('g'), 'global');
assert.sameValue(c.name, 'legacy');
