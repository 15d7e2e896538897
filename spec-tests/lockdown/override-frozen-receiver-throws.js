/*---
description: Assigning an enabled property on a frozen or non-extensible object throws TypeError and adds nothing.
---*/
lockdown();
const frozen = Object.freeze({});
assert.throws(TypeError, () => { frozen.toString = () => 'x'; });
const sealed = Object.preventExtensions({});
assert.throws(TypeError, () => { sealed.toString = () => 'x'; });
assert.compareArray(Object.getOwnPropertyNames(sealed), []);
