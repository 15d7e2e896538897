/*---
description: Direct eval syntax in a body given to a compartment's Function is rejected with a SyntaxError.
---*/
const c = new Compartment();
assert.throws(SyntaxError, () => c.globalThis.Function('return eval("1")'));
assert.throws(SyntaxError, () => c.evaluate('Function("return eval(\'1\')")'));
