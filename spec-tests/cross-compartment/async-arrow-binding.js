/*---
description: An async arrow created in compartment A reads A's globals after await when called from the start compartment.
flags: [async]
---*/
const a = new Compartment({ __options__: true, globals: { who: 'A' } });
globalThis.who = 'start';
const f = a.evaluate('async () => { await 0; return who; }');
f().then(value => {
  assert.sameValue(value, 'A');
}).then(() => $DONE(), $DONE);
