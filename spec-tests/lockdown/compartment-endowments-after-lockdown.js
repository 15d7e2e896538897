/*---
description: After lockdown compartments still receive endowments, which are not hardened by lockdown.
---*/
lockdown();
const endowment = { count: 0 };
const c = new Compartment({ __options__: true, globals: { endowment } });
c.evaluate('endowment.count += 1');
assert.sameValue(endowment.count, 1);
assert.sameValue(Object.isFrozen(endowment), false);
