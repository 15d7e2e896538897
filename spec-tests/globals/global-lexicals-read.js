/*---
description: globalLexicals are visible as bindings in evaluated code.
---*/
const c = new Compartment({ globalLexicals: { a: 1, b: 'bee' } });
assert.sameValue(c.evaluate('a'), 1);
assert.sameValue(c.evaluate('b + a'), 'bee1');
