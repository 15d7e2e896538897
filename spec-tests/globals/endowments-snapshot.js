/*---
description: Changes to the endowments object after construction are not seen by the compartment.
---*/
const endowments = { a: 1 };
const c = new Compartment({ __options__: true, globals: endowments });
endowments.a = 2;
endowments.b = 3;
delete endowments.a;
assert.sameValue(c.evaluate('a'), 1);
assert.sameValue(c.evaluate('typeof b'), 'undefined');
