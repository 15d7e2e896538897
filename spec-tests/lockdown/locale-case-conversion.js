/*---
description: With localeTaming 'safe', toLocaleLowerCase and toLocaleUpperCase are the locale-independent conversions.
---*/
lockdown();
assert.sameValue('ABC'.toLocaleLowerCase(), 'abc');
assert.sameValue('abc'.toLocaleUpperCase(), 'ABC');
assert.sameValue(String.prototype.toLocaleLowerCase, String.prototype.toLowerCase);
assert.sameValue(String.prototype.toLocaleUpperCase, String.prototype.toUpperCase);
