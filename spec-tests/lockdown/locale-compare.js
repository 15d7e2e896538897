/*---
description: With localeTaming 'safe', String.prototype.localeCompare compares code units and returns -1, 0 or 1.
---*/
lockdown();
assert.sameValue('a'.localeCompare('b'), -1);
assert.sameValue('b'.localeCompare('a'), 1);
assert.sameValue('a'.localeCompare('a'), 0);
assert.sameValue('B'.localeCompare('a'), -1, 'code unit order, not dictionary order');
assert.sameValue('ab'.localeCompare('a'), 1, 'a longer string with a common prefix is greater');
