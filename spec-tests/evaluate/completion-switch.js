/*---
description: Completion value of a switch statement.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('switch (2) { case 1: "one"; break; case 2: "two"; break; }'), 'two');
assert.sameValue(c.evaluate('switch (3) { case 1: "one"; }'), undefined);
