/*---
description: A getter-only globalLexicals property is a const binding; the getter is called once.
---*/
let calls = 0;
const lexicals = { get g() { calls += 1; return 'got'; } };
const c = new Compartment({ globalLexicals: lexicals });
assert.sameValue(c.evaluate('g'), 'got');
assert.sameValue(c.evaluate('g'), 'got');
assert.sameValue(calls, 1, 'getter called once');
assert.throws(TypeError, () => c.evaluate('g = 1'));
assert.sameValue(calls, 1, 'getter not called again');
