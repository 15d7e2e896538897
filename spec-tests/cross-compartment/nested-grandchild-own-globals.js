/*---
description: A compartment's own Compartment constructor makes grandchildren with their own global, eval, Function and Compartment.
---*/
const c = new Compartment();
const g = c.evaluate('new Compartment()');
assert.notSameValue(g.globalThis, c.globalThis);
assert.notSameValue(g.globalThis, globalThis);
for (const name of ['eval', 'Function', 'Compartment']) {
  assert.notSameValue(g.globalThis[name], c.globalThis[name], name);
  assert.notSameValue(g.globalThis[name], globalThis[name], name);
}
assert.sameValue(g.evaluate('this'), g.globalThis);
