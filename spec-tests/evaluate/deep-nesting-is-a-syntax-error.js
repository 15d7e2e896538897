/*---
description: A source nested deeper than the engine supports is refused with a SyntaxError, never a host crash; deep but allowed nesting evaluates.
---*/
const c = new Compartment();
const deep = n => '['.repeat(n) + ']'.repeat(n);
assert.throws(SyntaxError, () => c.evaluate(deep(100000)));
assert.throws(SyntaxError, () => c.evaluate('!'.repeat(100000) + '1'));
assert.throws(SyntaxError, () => new c.globalThis.Function('return ' + deep(100000)));
assert.sameValue(c.evaluate(deep(3000) + '.length'), 1);
assert.sameValue(c.evaluate('"' + '['.repeat(100000) + '"').length, 100000, 'brackets in strings do not count');
