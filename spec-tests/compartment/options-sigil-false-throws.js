/*---
description: An __options__ sigil whose value is false throws a plain Error mentioning __options__.
---*/
const error = assert.throws(Error, () => new Compartment({ __options__: false, globals: { a: 1 } }));
assert(String(error.message).includes('__options__'), 'message mentions __options__');
