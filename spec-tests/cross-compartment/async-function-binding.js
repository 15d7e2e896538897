/*---
description: An async function created in compartment A reads A's globals after await resumption, when called from B.
flags: [async]
---*/
const a = new Compartment();
const b = new Compartment();
a.evaluate('globalThis.who = "A"');
b.evaluate('globalThis.who = "B"');
globalThis.who = 'start';
b.globalThis.f = a.evaluate('(async function () { const before = who; await null; await Promise.resolve(); return [before, who]; })');
b.evaluate('f()').then(result => {
  assert.compareArray(result, ['A', 'A']);
}).then(() => $DONE(), $DONE);
