/*---
description: Functions made by a compartment's Function are strict.
---*/
const c = new Compartment();
const F = c.globalThis.Function;
assert.sameValue(new F('return this')(), undefined);
assert.throws(SyntaxError, () => F('with ({}) {}'));
assert.throws(SyntaxError, () => F('return 010'));
