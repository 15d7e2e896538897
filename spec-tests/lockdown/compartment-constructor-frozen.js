/*---
description: After lockdown the start compartment's Compartment constructor and a new compartment's are frozen.
---*/
lockdown();
assert(Object.isFrozen(Compartment), 'start Compartment');
const c = new Compartment();
assert(c.evaluate('Object.isFrozen(Compartment)'), 'compartment Compartment');
