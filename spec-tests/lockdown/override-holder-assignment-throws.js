/*---
description: Assigning an enabled property on the frozen holder itself (Object.prototype.toString = 1) throws TypeError and changes nothing.
---*/
lockdown();
const original = Object.prototype.toString;
assert.throws(TypeError, () => { Object.prototype.toString = 1; });
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate('Object.prototype.toString = 1'));
assert.throws(TypeError, () => c.evaluate('Array.prototype.push = 1'));
assert.sameValue(Object.prototype.toString, original);
