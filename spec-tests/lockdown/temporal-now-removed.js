/*---
description: In a compartment made after lockdown Temporal exists but Temporal.Now does not, while the start compartment keeps Temporal.Now.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate('typeof Temporal'), 'object');
assert.sameValue(c.evaluate('typeof Temporal.Now'), 'undefined');
assert.sameValue(typeof Temporal.Now, 'object');
assert.sameValue(c.evaluate('Temporal.PlainDate'), Temporal.PlainDate, 'the Temporal classes are shared');
