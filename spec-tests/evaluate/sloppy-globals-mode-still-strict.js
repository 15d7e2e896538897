/*---
description: sloppyGlobalsMode code is still strict mode.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('(function () { return this; })()', { sloppyGlobalsMode: true }), undefined);
assert.throws(SyntaxError, () => c.evaluate('with ({}) {}', { sloppyGlobalsMode: true }));
