/*---
description: With legacyRegeneratorRuntimeTaming 'unsafe-ignore', assigning Symbol.iterator on an object inheriting from %IteratorPrototype% defines an own property.
---*/
lockdown({ legacyRegeneratorRuntimeTaming: 'unsafe-ignore' });
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
const o = Object.create(IteratorPrototype);
const f = function () { return 'own'; };
o[Symbol.iterator] = f;
assert(Object.prototype.hasOwnProperty.call(o, Symbol.iterator), 'own property');
assert.sameValue(o[Symbol.iterator], f);
assert.notSameValue(IteratorPrototype[Symbol.iterator], f);
