/*---
description: Reflect.set on the holder with another receiver defines the property on that receiver.
---*/
lockdown();
const o = {};
assert.sameValue(Reflect.set(Object.prototype, 'toString', 5, o), true);
assert.sameValue(o.toString, 5);
assert.sameValue(typeof Object.prototype.toString, 'function');
