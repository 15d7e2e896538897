/*---
description: Evaluating the same source again (served from the compartment's compiled-source cache) is a fresh evaluation; declarations, closures and objects are new each time.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('let x = 1; x++; x'), 2);
assert.sameValue(c.evaluate('let x = 1; x++; x'), 2);
const f = c.evaluate('(function () {})');
const g = c.evaluate('(function () {})');
assert.notSameValue(f, g, 'each evaluation makes its own function');
c.globalThis.n = 0;
c.evaluate('n += 1');
c.evaluate('n += 1');
assert.sameValue(c.globalThis.n, 2, 'side effects happen on every evaluation');
for (let i = 0; i < 40; i++) c.evaluate(`${i} + 1`);
assert.sameValue(c.evaluate('1 + 1'), 2, 'the cache evicts without losing correctness');
