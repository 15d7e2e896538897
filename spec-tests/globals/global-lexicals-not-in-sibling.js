/*---
description: globalLexicals of one compartment are not visible in another or in its child compartments.
---*/
const c = new Compartment({ globalLexicals: { secret: 1 } });
assert.sameValue(new Compartment().evaluate('typeof secret'), 'undefined');
assert.sameValue(c.evaluate('new Compartment().evaluate("typeof secret")'), 'undefined');
assert.sameValue(typeof globalThis.secret, 'undefined');
