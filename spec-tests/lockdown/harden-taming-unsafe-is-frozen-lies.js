/*---
description: With __hardenTaming__ 'unsafe', Object.isFrozen, Object.isSealed and Object.isExtensible claim every object is frozen (documented SES behaviour).
---*/
lockdown({ __hardenTaming__: 'unsafe' });
assert.sameValue(Object.isFrozen({}), true);
assert.sameValue(Object.isSealed({}), true);
assert.sameValue(Object.isExtensible({}), false);
