/*---
description: An async generator created in compartment A reads A's globals across awaits and yields, iterated from the start compartment.
flags: [async]
---*/
const a = new Compartment({ __options__: true, globals: { who: 'A' } });
globalThis.who = 'start';
const gen = a.evaluate('(async function* () { await null; yield who; await null; yield who; })');
(async () => {
  const seen = [];
  for await (const v of gen()) seen.push(v);
  assert.compareArray(seen, ['A', 'A']);
})().then(() => $DONE(), $DONE);
