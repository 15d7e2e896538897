/*---
description: >
  Code a compartment evaluates is strict throughout: assigning a named function expression's
  own name throws a TypeError, from evaluate, from the compartment's eval and from its Function.
---*/
const c = new Compartment();
const source = '(function f() { f = 1; })()';
assert.throws(TypeError, () => c.evaluate(source), 'evaluate');
assert.throws(TypeError, () => c.globalThis.eval(source), 'eval');
assert.throws(TypeError, () => c.globalThis.Function(source)(), 'Function');
assert.sameValue(c.evaluate('(function f() { return typeof f; })()'), 'function');
