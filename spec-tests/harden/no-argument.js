/*---
description: harden() with no argument returns undefined.
---*/
lockdown();
assert.sameValue(harden(), undefined);
