/*---
description: With localeTaming 'unsafe', the locale methods are left as they were.
---*/
const arrayToLocaleString = Array.prototype.toLocaleString;
const localeCompare = String.prototype.localeCompare;
lockdown({ localeTaming: 'unsafe' });
assert.notSameValue(Array.prototype.toLocaleString, Array.prototype.toString);
assert.sameValue(Array.prototype.toLocaleString, arrayToLocaleString);
assert.sameValue(String.prototype.localeCompare, localeCompare);
