/*---
description: With overrideTaming moderate, assigning Symbol.iterator on an array works and is used by spread.
---*/
lockdown();
const c = new Compartment();
const result = c.evaluate('const a = [1, 2]; a[Symbol.iterator] = function* () { yield 9; }; [...a]');
assert.compareArray(result, [9]);
