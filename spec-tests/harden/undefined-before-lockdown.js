/*---
description: Before lockdown there is no harden in the start compartment, so calling it throws ReferenceError.
---*/
assert.sameValue(typeof harden, 'undefined');
assert.throws(ReferenceError, () => harden({}));
