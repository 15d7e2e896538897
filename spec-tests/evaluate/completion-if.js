/*---
description: Completion values of if statements.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('if (true) 1; else 2'), 1);
assert.sameValue(c.evaluate('if (false) 1; else 2'), 2);
assert.sameValue(c.evaluate('1; if (false) 2;'), undefined);
