/*---
description: Non-enumerable own properties of the endowments object are not copied.
---*/
const endowments = { visible: 1 };
Object.defineProperty(endowments, 'hidden', { value: 2, enumerable: false });
Object.defineProperty(endowments, Symbol.for('hiddenSym'), { value: 3, enumerable: false });
const c = new Compartment({ __options__: true, globals: endowments });
assert.sameValue(c.evaluate('visible'), 1);
assert.sameValue(c.evaluate('typeof hidden'), 'undefined');
assert.sameValue(c.globalThis[Symbol.for('hiddenSym')], undefined);
