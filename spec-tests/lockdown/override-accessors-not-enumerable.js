/*---
description: The override accessors keep the original attributes - Object.prototype still has no enumerable properties.
---*/
lockdown({ overrideTaming: 'severe' });
assert.compareArray(Object.keys(Object.prototype), []);
const seen = [];
for (const key in {}) seen.push(key);
assert.compareArray(seen, []);
assert.sameValue(JSON.stringify({}), '{}');
