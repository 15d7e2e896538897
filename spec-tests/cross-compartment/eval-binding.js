/*---
description: Functions created by A's eval read A's globals when called from B, and A's eval called from B evaluates in A.
---*/
const a = new Compartment({ __options__: true, globals: { who: 'A' } });
const b = new Compartment({ __options__: true, globals: { who: 'B' } });
b.globalThis.f = a.evaluate('(0, eval)("() => who")');
assert.sameValue(b.evaluate('f()'), 'A');
b.globalThis.aeval = a.globalThis.eval;
assert.sameValue(b.evaluate('aeval("who")'), 'A');
