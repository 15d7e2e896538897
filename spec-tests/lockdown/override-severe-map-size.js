/*---
description: With overrideTaming severe, accessor properties of Map.prototype such as size keep working.
---*/
lockdown({ overrideTaming: 'severe' });
assert.sameValue(new Map([[1, 2]]).size, 1);
assert.sameValue(new Set([1, 2]).size, 2);
