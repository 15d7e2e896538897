/*---
description: A writable globalLexicals property is a mutable binding whose value persists across evaluate calls.
---*/
const c = new Compartment({ globalLexicals: { a: 1 } });
assert.sameValue(c.evaluate('a = 2; a'), 2);
assert.sameValue(c.evaluate('a'), 2);
assert.sameValue(c.evaluate('a += 1'), 3);
assert.sameValue(c.globalThis.a, undefined, 'still not on the global');
