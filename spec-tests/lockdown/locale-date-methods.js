/*---
description: With localeTaming 'safe', the Date toLocale*String methods are the non-locale ones.
---*/
lockdown();
assert.sameValue(Date.prototype.toLocaleString, Date.prototype.toString);
assert.sameValue(Date.prototype.toLocaleDateString, Date.prototype.toDateString);
assert.sameValue(Date.prototype.toLocaleTimeString, Date.prototype.toTimeString);
