/*---
description: >
  Code a compartment evaluates is strict throughout: assigning a named function expression's
  own name throws a TypeError, from evaluate, from the compartment's eval and from its Function.
boa-bug: "Boa 0.22 applies only a Script-level 'use strict' to this assignment; compartment code is compiled as a strict function body (through %Function%), where Boa makes it a silent no-op. Compiling each source as a strict Script instead fixes it but costs 20% more per new small source (callgrind: 93K vs 76K instructions for '1+1'), since Boa parses and compiles a function expression from text at ~50K instructions."
---*/
const c = new Compartment();
const source = '(function f() { f = 1; })()';
assert.throws(TypeError, () => c.evaluate(source), 'evaluate');
assert.throws(TypeError, () => c.globalThis.eval(source), 'eval');
assert.throws(TypeError, () => c.globalThis.Function(source)(), 'Function');
assert.sameValue(c.evaluate('(function f() { return typeof f; })()'), 'function');
