/*---
description: Code given to a compartment's eval is strict.
---*/
const c = new Compartment();
const e = c.globalThis.eval;
assert.sameValue(e('(function () { return this; })()'), undefined);
assert.throws(SyntaxError, () => e('with ({}) {}'));
assert.throws(ReferenceError, () => e('undeclaredByEval = 1'));
