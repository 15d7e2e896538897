/*---
description: A promise reaction created in compartment A reads A's globals when the job runs.
flags: [async]
---*/
const a = new Compartment();
a.evaluate('globalThis.who = "A"');
globalThis.who = 'start';
const p = a.evaluate('Promise.resolve().then(() => who)');
p.then(value => {
  assert.sameValue(value, 'A');
}).then(() => $DONE(), $DONE);
