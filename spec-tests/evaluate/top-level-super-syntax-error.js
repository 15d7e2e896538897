/*---
description: Top-level super property access and super calls are SyntaxErrors.
---*/
const c = new Compartment();
assert.throws(SyntaxError, () => c.evaluate('super.x'));
assert.throws(SyntaxError, () => c.evaluate('super()'));
