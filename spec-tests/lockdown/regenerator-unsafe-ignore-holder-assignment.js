/*---
description: With legacyRegeneratorRuntimeTaming 'unsafe-ignore', assigning %IteratorPrototype%[Symbol.iterator] is silently ignored.
---*/
lockdown({ legacyRegeneratorRuntimeTaming: 'unsafe-ignore' });
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
const before = IteratorPrototype[Symbol.iterator];
const replacement = function () { return this; };
IteratorPrototype[Symbol.iterator] = replacement;
assert.sameValue(IteratorPrototype[Symbol.iterator], before);
assert.notSameValue(IteratorPrototype[Symbol.iterator], replacement);
