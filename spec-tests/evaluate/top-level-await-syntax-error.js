/*---
description: evaluate takes script code, so top-level await is a SyntaxError.
---*/
const c = new Compartment();
assert.throws(SyntaxError, () => c.evaluate('await 1'));
