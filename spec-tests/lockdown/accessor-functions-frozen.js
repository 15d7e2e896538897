/*---
description: After lockdown the getter and setter functions of intrinsic accessors are frozen.
---*/
lockdown();
assert(Object.isFrozen(Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get), 'RegExp.prototype.flags getter');
assert(Object.isFrozen(Object.getOwnPropertyDescriptor(Map.prototype, 'size').get), 'Map.prototype.size getter');
const proto = Object.getOwnPropertyDescriptor(Object.prototype, '__proto__');
if (proto) {
  assert(Object.isFrozen(proto.get), '__proto__ getter');
  assert(Object.isFrozen(proto.set), '__proto__ setter');
}
assert(Object.isFrozen(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), 'length').get), '%TypedArray%.prototype.length getter');
