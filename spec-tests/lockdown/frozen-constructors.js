/*---
description: After lockdown the constructors shared with compartments are frozen.
---*/
lockdown();
const constructors = {
  // The start compartment keeps the original Symbol (SES); compartments share a copy.
  Object, Array, String, Number, Boolean, Symbol: new Compartment().globalThis.Symbol, BigInt, Error, TypeError, RangeError,
  RegExp, Map, Set, WeakMap, WeakSet, Promise, ArrayBuffer, DataView, Proxy, Iterator,
  Uint8Array, Int32Array, BigInt64Array,
};
for (const [name, value] of Object.entries(constructors)) assert(Object.isFrozen(value), name);
assert(Object.isFrozen(Object.getPrototypeOf(Uint8Array)), '%TypedArray%');
