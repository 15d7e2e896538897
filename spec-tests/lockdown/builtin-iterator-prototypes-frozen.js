/*---
description: After lockdown the array, string, map, set and regexp-string iterator prototypes are frozen.
---*/
lockdown();
const iterators = {
  array: [][Symbol.iterator](),
  string: ''[Symbol.iterator](),
  map: new Map().entries(),
  set: new Set().values(),
  regexp: 'a'.matchAll(/a/g),
};
for (const [name, iterator] of Object.entries(iterators)) {
  assert(Object.isFrozen(Object.getPrototypeOf(iterator)), name);
}
