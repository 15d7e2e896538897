/*---
description: mutabilities reports a Map's mutable internal state, even when the Map itself is hardened.
---*/
lockdown();
const found = mutabilities({ a: new Map() });
assert(found.some(path => path.startsWith('root.a') && path.includes('mutable internal state')), JSON.stringify(found));
const hardened = mutabilities(harden({ a: new Map() }));
assert(hardened.some(path => path.includes('mutable internal state')), JSON.stringify(hardened));
