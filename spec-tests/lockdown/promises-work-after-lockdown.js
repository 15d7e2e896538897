/*---
description: After lockdown, promise chains, async functions and Promise subclasses work in a compartment.
flags: [async]
---*/
lockdown();
const c = new Compartment();
const p = c.evaluate(`
  class P extends Promise {}
  const f = async x => (await Promise.resolve(x)) + 1;
  f(1).then(v => P.resolve(v * 10)).then(v => [v, P.resolve(0) instanceof P])
`);
p.then(([value, isSubclass]) => {
  assert.sameValue(value, 20);
  assert.sameValue(isSubclass, true);
}).then(() => $DONE(), $DONE);
