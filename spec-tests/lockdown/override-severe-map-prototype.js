/*---
description: With overrideTaming severe, Map.prototype properties can be overridden on a map by assignment.
---*/
lockdown({ overrideTaming: 'severe' });
const m = new Map();
m.get = () => 'mine';
assert.sameValue(m.get('x'), 'mine');
