/*---
description: With localeTaming 'safe', Array.prototype.toLocaleString is Array.prototype.toString.
---*/
lockdown();
assert.sameValue(Array.prototype.toLocaleString, Array.prototype.toString);
assert.sameValue([1, 2].toLocaleString(), '1,2');
