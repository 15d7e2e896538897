/*---
description: The tamed localeCompare still throws TypeError when called on null or undefined.
---*/
lockdown();
assert.throws(TypeError, () => String.prototype.localeCompare.call(null, 'a'));
assert.throws(TypeError, () => String.prototype.localeCompare.call(undefined, 'a'));
