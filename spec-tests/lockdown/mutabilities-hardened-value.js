/*---
description: mutabilities of a hardened object graph is empty.
---*/
lockdown();
assert.compareArray(mutabilities(harden({ a: {}, b: [1, { c: 2 }] })), []);
