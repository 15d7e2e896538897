/*---
description: Evaluated code is strict, so a with statement is a SyntaxError.
---*/
const c = new Compartment();
assert.throws(SyntaxError, () => c.evaluate('with ({}) {}'));
