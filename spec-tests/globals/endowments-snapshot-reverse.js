/*---
description: Changes to the compartment global do not write back into the endowments object.
---*/
const endowments = { a: 1 };
const c = new Compartment({ __options__: true, globals: endowments });
c.evaluate('a = 2; globalThis.b = 3');
assert.sameValue(endowments.a, 1);
assert.sameValue(endowments.b, undefined);
