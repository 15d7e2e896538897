/*---
description: globalLexicals are not properties of the compartment's global object.
---*/
const c = new Compartment({ globalLexicals: { a: 1 } });
assert.sameValue('a' in c.globalThis, false);
assert.sameValue(c.globalThis.a, undefined);
assert.sameValue(c.evaluate('"a" in globalThis'), false);
assert.sameValue(c.evaluate('globalThis.a'), undefined);
