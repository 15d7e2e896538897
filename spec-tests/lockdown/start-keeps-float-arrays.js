/*---
description: After lockdown the start compartment keeps its Float64Array, frozen.
---*/
lockdown();
assert.sameValue(typeof Float64Array, 'function');
assert(Object.isFrozen(Float64Array), 'Float64Array is frozen');
assert(Object.isFrozen(Float64Array.prototype), 'Float64Array.prototype is frozen');
