/*---
description: A hardened promise is frozen and still settles.
flags: [async]
---*/
lockdown();
let resolve;
const p = harden(new Promise(r => { resolve = r; }));
assert(Object.isFrozen(p), 'promise frozen');
resolve(42);
p.then(value => {
  assert.sameValue(value, 42);
}).then(() => $DONE(), $DONE);
