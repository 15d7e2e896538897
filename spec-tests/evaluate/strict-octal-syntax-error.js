/*---
description: Evaluated code is strict, so legacy octal literals are a SyntaxError.
---*/
const c = new Compartment();
assert.throws(SyntaxError, () => c.evaluate('010'));
assert.throws(SyntaxError, () => c.evaluate('"\\01"'));
