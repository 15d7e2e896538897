/*---
description: Assigning NaN, Infinity or undefined inside a compartment throws TypeError (strict mode).
---*/
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate('NaN = 1'));
assert.throws(TypeError, () => c.evaluate('Infinity = 1'));
assert.throws(TypeError, () => c.evaluate('undefined = 1'));
assert.sameValue(c.evaluate('NaN'), NaN);
