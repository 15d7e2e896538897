/*---
description: A top-level return statement is a SyntaxError.
---*/
const c = new Compartment();
assert.throws(SyntaxError, () => c.evaluate('return 1'));
