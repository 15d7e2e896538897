/*---
description: evaluate returns the completion value of the last value-producing statement.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('1;2;3'), 3);
assert.sameValue(c.evaluate('1; var x = 1;'), 1);
assert.sameValue(c.evaluate(''), undefined);
assert.sameValue(c.evaluate('"s"'), 's');
