/*---
description: Endowment getters are invoked exactly once, at construction, and the value is stored as a data property.
---*/
let calls = 0;
const endowments = { get g() { calls += 1; return calls; } };
const c = new Compartment({ __options__: true, globals: endowments });
assert.sameValue(calls, 1, 'called at construction');
assert.sameValue(c.evaluate('g'), 1);
assert.sameValue(c.evaluate('g'), 1);
assert.sameValue(c.globalThis.g, 1);
assert.sameValue(calls, 1, 'not called again');
const desc = Object.getOwnPropertyDescriptor(c.globalThis, 'g');
assert.sameValue(desc.value, 1, 'data property');
assert.sameValue(desc.get, undefined, 'no getter');
