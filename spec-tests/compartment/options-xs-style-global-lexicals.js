/*---
description: Without the sigil, a single object owning globalLexicals is an options bag.
---*/
const c = new Compartment({ globalLexicals: { lex: 7 } });
assert.sameValue(c.evaluate('lex'), 7);
assert.sameValue(c.evaluate('typeof globalLexicals'), 'undefined');
