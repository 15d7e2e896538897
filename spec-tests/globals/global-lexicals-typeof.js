/*---
description: typeof works on globalLexicals bindings.
---*/
const c = new Compartment({ globalLexicals: { f() {}, n: 1, u: undefined } });
assert.sameValue(c.evaluate('typeof f'), 'function');
assert.sameValue(c.evaluate('typeof n'), 'number');
assert.sameValue(c.evaluate('typeof u'), 'undefined');
