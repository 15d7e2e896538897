/*---
description: Before lockdown harden is not defined, in the start compartment or in a compartment.
---*/
assert.sameValue(typeof harden, 'undefined');
assert.sameValue(new Compartment().evaluate('typeof harden'), 'undefined');
assert.sameValue('harden' in globalThis, false);
