/*---
description: After lockdown, everything reachable from a new compartment's global is frozen - only the global itself (root) is mutable.
---*/
lockdown();
const c = new Compartment();
const found = mutabilities(c.globalThis);
assert(Array.isArray(found), 'mutabilities returns an array');
assert(found.length > 0, 'the global itself is reported');
for (const path of found) {
  assert.sameValue(typeof path, 'string');
  assert(path.startsWith('root:'), `unexpected mutable object: ${path}`);
}
