/*---
description: Reactions registered by compartment B on a promise from compartment A read B's globals.
flags: [async]
---*/
const a = new Compartment({ __options__: true, globals: { who: 'A' } });
const b = new Compartment({ __options__: true, globals: { who: 'B' } });
b.globalThis.p = a.evaluate('Promise.resolve(who)');
const result = b.evaluate('p.then(v => [v, who])');
result.then(value => {
  assert.compareArray(value, ['A', 'B']);
}).then(() => $DONE(), $DONE);
