/*---
description: With the default legacyRegeneratorRuntimeTaming 'safe', assigning %IteratorPrototype%[Symbol.iterator] throws TypeError.
---*/
lockdown();
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
const before = IteratorPrototype[Symbol.iterator];
assert.throws(TypeError, () => { IteratorPrototype[Symbol.iterator] = function () { return this; }; });
assert.sameValue(IteratorPrototype[Symbol.iterator], before);
