/*---
description: Inherited properties of the endowments object are not copied.
---*/
const endowments = Object.create({ inherited: 1 });
endowments.own = 2;
const c = new Compartment({ __options__: true, globals: endowments });
assert.sameValue(c.evaluate('own'), 2);
assert.sameValue(c.evaluate('typeof inherited'), 'undefined');
