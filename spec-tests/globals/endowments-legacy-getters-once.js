/*---
description: Legacy endowments objects also have their getters invoked exactly once.
---*/
let calls = 0;
const c = new Compartment({ get z() { calls += 1; return 'z'; } });
assert.sameValue(calls, 1);
assert.sameValue(c.evaluate('z'), 'z');
assert.sameValue(calls, 1);
