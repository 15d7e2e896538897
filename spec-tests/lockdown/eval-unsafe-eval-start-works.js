/*---
description: "With evalTaming 'unsafe-eval' (SES), the start compartment keeps the original eval: eval(src) is a real direct eval that sees local variables, indirect eval and Function work, and a compartment handed that eval still cannot compile with it."
---*/
lockdown({ evalTaming: 'unsafe-eval' });
assert.sameValue((0, eval)('2 * 3'), 6);
assert.sameValue(Function('a', 'return a + 1')(1), 2);
const probe = () => { const secret = 'local'; return eval('secret'); };
assert.sameValue(probe(), 'local', 'a real direct eval');
assert.sameValue((() => { let n = 1; eval('n = 2'); return n; })(), 2, 'it writes locals too');
const handed = new Compartment({ __options__: true, globals: { e: eval } });
const outcome = handed.evaluate('(() => { try { e("1 + 1"); return "compiled"; } catch (err) { return err.name; } })()');
assert.sameValue(outcome, 'EvalError', 'a compartment cannot compile with the start compartment\'s eval');
assert.sameValue(new Compartment().evaluate('(0, eval)("1 + 1")'), 2, 'compartments keep their own');
