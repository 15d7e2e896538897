/*---
description: Direct eval syntax in compartment code is rejected with a SyntaxError.
---*/
const c = new Compartment();
assert.throws(SyntaxError, () => c.evaluate('eval("1")'));
assert.throws(SyntaxError, () => c.evaluate('eval ("1")'));
