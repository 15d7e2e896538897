/*---
description: With sloppyGlobalsMode, assigning an undeclared name creates a property on the compartment global.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('created = 5; created', { sloppyGlobalsMode: true }), 5);
assert.sameValue(c.globalThis.created, 5);
assert.sameValue(c.evaluate('created'), 5, 'visible to later evaluations');
assert.sameValue('created' in globalThis, false, 'not on the start global');
