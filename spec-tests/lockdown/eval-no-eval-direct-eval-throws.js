/*---
description: "With evalTaming 'no-eval', direct-eval syntax in the start compartment is accepted but calling it throws, as any call of the start compartment's eval does."
---*/
lockdown({ evalTaming: 'no-eval' });
assert.throws(TypeError, () => eval('1'));
assert.throws(TypeError, () => { const x = 1; return eval('x'); });
assert.sameValue(new Compartment().evaluate('(0, eval)("1 + 1")'), 2);
