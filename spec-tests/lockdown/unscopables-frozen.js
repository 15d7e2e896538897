/*---
description: After lockdown Array.prototype[Symbol.unscopables] is frozen.
---*/
lockdown();
const unscopables = Array.prototype[Symbol.unscopables];
assert(Object.isFrozen(unscopables), 'unscopables is frozen');
assert.throws(TypeError, () => { unscopables.map = false; });
