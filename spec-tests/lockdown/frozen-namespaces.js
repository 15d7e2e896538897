/*---
description: After lockdown the namespace objects are frozen, the start Math and a compartment's Math alike.
---*/
lockdown();
assert(Object.isFrozen(Math), 'start Math');
assert(Object.isFrozen(JSON), 'JSON');
assert(Object.isFrozen(Reflect), 'Reflect');
assert(Object.isFrozen(Temporal), 'Temporal');
const c = new Compartment();
assert(c.evaluate('Object.isFrozen(Math)'), 'compartment Math');
assert(c.evaluate('Object.isFrozen(Temporal)'), 'compartment Temporal');
assert(c.evaluate('Object.isFrozen(Date)'), 'compartment Date');
