/*---
description: The legacy form throws RangeError when globals are given both as an argument and as options.globals.
---*/
assert.throws(RangeError, () => new Compartment({ a: 1 }, {}, { globals: { b: 2 } }));
