/*---
description: The legacy form throws RangeError when modules are given both as an argument and as options.modules.
---*/
assert.throws(RangeError, () => new Compartment({}, {}, { modules: {} }));
