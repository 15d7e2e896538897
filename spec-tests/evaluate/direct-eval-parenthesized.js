/*---
description: A parenthesized direct eval (eval)("1") is also rejected with a SyntaxError.
---*/
const c = new Compartment();
assert.throws(SyntaxError, () => c.evaluate('(eval)("1")'));
