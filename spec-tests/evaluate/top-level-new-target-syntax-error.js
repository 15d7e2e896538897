/*---
description: Top-level new.target is a SyntaxError.
---*/
const c = new Compartment();
assert.throws(SyntaxError, () => c.evaluate('new.target'));
