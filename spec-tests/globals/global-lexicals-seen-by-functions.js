/*---
description: Functions created in a compartment see its globalLexicals, including updates, even when called from outside.
---*/
const c = new Compartment({ globalLexicals: { counter: 0 } });
const inc = c.evaluate('() => ++counter');
assert.sameValue(inc(), 1);
assert.sameValue(inc(), 2);
assert.sameValue(c.evaluate('counter'), 2);
