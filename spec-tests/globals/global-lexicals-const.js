/*---
description: A non-writable globalLexicals property is a const binding; assigning it throws TypeError.
---*/
const lexicals = {};
Object.defineProperty(lexicals, 'k', { value: 10, writable: false, enumerable: true });
const c = new Compartment({ globalLexicals: lexicals });
assert.sameValue(c.evaluate('k'), 10);
assert.throws(TypeError, () => c.evaluate('k = 11'));
assert.sameValue(c.evaluate('k'), 10);
