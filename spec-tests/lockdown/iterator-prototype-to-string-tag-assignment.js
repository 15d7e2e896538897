/*---
description: After lockdown, assigning Symbol.toStringTag on an object inheriting from Iterator.prototype still defines an own property (the spec's prototype-ignoring setter).
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate("const it = Object.create(Iterator.prototype); it[Symbol.toStringTag] = 'X'; Object.prototype.toString.call(it)"), '[object X]');
assert.throws(TypeError, () => c.evaluate("Iterator.prototype[Symbol.toStringTag] = 'Y'"));
