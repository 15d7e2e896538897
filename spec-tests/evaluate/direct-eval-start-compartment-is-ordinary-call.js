/*---
description: "In the start compartment direct-eval syntax is accepted (SES evalTaming 'safe-eval', the default): eval(src) is an ordinary call of the start compartment's eval, which evaluates in the global scope and sees no local variable. Before and after lockdown, in scripts, eval code and Function bodies."
---*/
const probe = () => {
  const secret = 'local';
  return [eval('typeof secret'), eval('1 + 1'), (eval)('2 + 2'), eval(), eval(42)];
};
// Compared as text: harness functions that run on both sides of lockdown() can meet Boa's stale
// inline caches (see the note in harness/assert.js).
const expected = JSON.stringify(['undefined', 2, 4, undefined, 42]);
assert.sameValue(JSON.stringify(probe()), expected);
assert.sameValue(Function('const secret = 1; return eval("typeof secret")')(), 'undefined');
assert.sameValue((0, eval)('const secret = 2; eval("typeof secret")'), 'undefined');
lockdown();
assert.sameValue(JSON.stringify(probe()), expected);
// A compartment still refuses it by default.
assert.throws(SyntaxError, () => new Compartment().evaluate('eval("1")'));
