/*---
description: Evaluated code is strict, so deleting an unqualified identifier is a SyntaxError.
---*/
const c = new Compartment();
assert.throws(SyntaxError, () => c.evaluate('delete Array'));
