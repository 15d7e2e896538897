/*---
description: Any call of the bare identifier eval is rejected, including with no arguments or spread arguments.
---*/
const c = new Compartment();
assert.throws(SyntaxError, () => c.evaluate('eval()'));
assert.throws(SyntaxError, () => c.evaluate('eval(...["1"])'));
assert.throws(SyntaxError, () => c.evaluate('eval("1", 2)'));
