/*---
description: After lockdown the core prototypes are frozen.
---*/
lockdown();
const prototypes = [
  Object.prototype, Function.prototype, Array.prototype, String.prototype, Number.prototype,
  Boolean.prototype, Symbol.prototype, BigInt.prototype, Error.prototype, TypeError.prototype,
  RegExp.prototype, Map.prototype, Set.prototype, WeakMap.prototype, WeakSet.prototype,
  Promise.prototype, ArrayBuffer.prototype, DataView.prototype, Date.prototype, Iterator.prototype,
  Uint8Array.prototype, Object.getPrototypeOf(Uint8Array.prototype),
];
prototypes.forEach((prototype, index) => assert(Object.isFrozen(prototype), `prototype #${index}`));
