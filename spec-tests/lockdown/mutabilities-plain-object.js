/*---
description: mutabilities reports a plain unfrozen object as extensible with configurable properties.
---*/
lockdown();
const found = mutabilities({ x: 1 });
assert.sameValue(found.length, 1, JSON.stringify(found));
assert(found[0].startsWith('root:'), found[0]);
assert(found[0].includes('extensible'), found[0]);
