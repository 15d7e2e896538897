/*---
description: With evalTaming 'no-eval', compartments still have working eval and Function.
---*/
lockdown({ evalTaming: 'no-eval' });
const c = new Compartment();
assert.sameValue(c.evaluate("(0, eval)('1 + 2')"), 3);
assert.sameValue(c.evaluate("Function('return 4')()"), 4);
assert.sameValue(c.evaluate('1 + 1'), 2, 'evaluate itself works');
