/*---
description: The realm's global object is out of reach. The only way to a sloppy function (whose this would be the realm global) was the realm's Function, which refuses to compile.
---*/
const c = new Compartment();
assert.throws(EvalError, () => c.evaluate('Function.prototype.constructor("return this")()'));
assert.throws(EvalError, () => Function.prototype.constructor('return this'));
assert.sameValue(c.evaluate('(function () { return this; })()'), undefined, 'compartment code is strict');
