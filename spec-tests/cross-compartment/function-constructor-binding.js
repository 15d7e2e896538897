/*---
description: Functions created by A's Function read A's globals when called from B.
---*/
const a = new Compartment({ __options__: true, globals: { who: 'A' } });
const b = new Compartment({ __options__: true, globals: { who: 'B' } });
b.globalThis.f = a.evaluate('Function("return who")');
assert.sameValue(b.evaluate('f()'), 'A');
b.globalThis.AF = a.globalThis.Function;
assert.sameValue(b.evaluate('AF("return who")()'), 'A', "A's Function called from B");
