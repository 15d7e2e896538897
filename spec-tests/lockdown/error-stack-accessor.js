/*---
description: "Error.prototype.stack after lockdown follows the error-stack-accessor proposal; under errorTaming 'safe' the getter shows only the error's name and message."
---*/
lockdown();
const { get, set } = Object.getOwnPropertyDescriptor(Error.prototype, 'stack');
assert.sameValue(new TypeError('no').stack, 'TypeError: no');
for (const primitive of [undefined, null, 1, 's', true, Symbol('s'), 1n]) {
  assert.throws(TypeError, () => get.call(primitive));
  assert.throws(TypeError, () => set.call(primitive, 'x'));
}
// No [[ErrorData]]: no stack, and a proxy's traps are not consulted.
let trapped = 0;
const proxy = new Proxy(new Error('inner'), { get() { trapped++; }, getPrototypeOf() { trapped++; } });
assert.sameValue(get.call({}), undefined);
assert.sameValue(get.call(proxy), undefined);
assert.sameValue(trapped, 0);
// The setter wants a string, refuses Error.prototype itself, and makes an own data property.
const error = new Error('e');
assert.throws(TypeError, () => set.call(error));
assert.throws(TypeError, () => set.call(error, { toString() { return 'coerced'; } }));
assert.throws(TypeError, () => set.call(Error.prototype, 'x'));
error.stack = 'custom';
const own = Object.getOwnPropertyDescriptor(error, 'stack');
assert.sameValue(own.value, 'custom');
// CreateDataPropertyOrThrow: writable, enumerable and configurable.
assert.sameValue(own.writable && own.enumerable && own.configurable, true);
