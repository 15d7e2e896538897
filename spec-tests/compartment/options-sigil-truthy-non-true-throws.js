/*---
description: An __options__ sigil with a truthy value other than true (1, 'true', {}) throws a plain Error.
---*/
for (const value of [1, 'true', {}, null, undefined]) {
  const error = assert.throws(Error, () => new Compartment({ __options__: value }), `__options__: ${String(value)}`);
  assert(String(error.message).includes('__options__'), 'message mentions __options__');
}
