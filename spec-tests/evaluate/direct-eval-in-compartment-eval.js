/*---
description: Direct eval syntax in code given to a compartment's eval is rejected with a SyntaxError.
---*/
const c = new Compartment();
assert.throws(SyntaxError, () => c.globalThis.eval('eval("1")'));
assert.throws(SyntaxError, () => c.evaluate('(0, eval)("eval(\'1\')")'));
