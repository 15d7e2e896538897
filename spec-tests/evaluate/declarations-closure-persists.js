/*---
description: A closure returned from evaluate keeps its top-level declarations alive.
---*/
const c = new Compartment();
const next = c.evaluate('let n = 0; () => ++n');
assert.sameValue(next(), 1);
assert.sameValue(next(), 2);
