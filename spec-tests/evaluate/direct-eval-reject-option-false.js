/*---
description: "evaluate(src, {__rejectSomeDirectEvalExpressions__: false}) accepts direct-eval syntax, as SES does: eval(x) is then an ordinary call of the compartment's eval (global scope, no locals, the compartment's globals). The relaxed text is not remembered: evaluating it again without the option is still a SyntaxError."
---*/
lockdown();
const c = new Compartment({ __options__: true, globals: { who: 'guest' } });
const text = '(() => { const who = "local"; return eval("who"); })()';
assert.sameValue(c.evaluate(text, { __rejectSomeDirectEvalExpressions__: false }), 'guest');
assert.sameValue(c.evaluate(text, { __rejectSomeDirectEvalExpressions__: 0 }), 'guest', 'tested for truth');
assert.throws(SyntaxError, () => c.evaluate(text));
assert.throws(SyntaxError, () => c.evaluate(text, { __rejectSomeDirectEvalExpressions__: true }));
assert.throws(SyntaxError, () => c.evaluate(text, {}));
// Code evaluated by the compartment's eval keeps the compartment's own rule.
assert.throws(SyntaxError, () => c.evaluate('(0, eval)("eval(1)")', { __rejectSomeDirectEvalExpressions__: false }));
