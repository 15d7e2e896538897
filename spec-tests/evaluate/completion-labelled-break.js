/*---
description: Completion values with labelled blocks and break.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('x: { 1; break x; }'), 1);
assert.sameValue(c.evaluate('x: { 1; break x; 2; }'), 1);
