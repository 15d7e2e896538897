/*---
description: harden is a frozen function named harden with length 1.
---*/
lockdown();
assert.sameValue(harden.name, 'harden');
assert.sameValue(harden.length, 1);
assert(Object.isFrozen(harden), 'harden is frozen');
assert.sameValue(harden.isFake, undefined, 'the real harden is not marked fake');
