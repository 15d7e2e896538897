/*---
description: After lockdown Function.prototype.constructor is not the start compartment's Function, nor a compartment's.
---*/
lockdown();
assert.notSameValue(Function.prototype.constructor, Function);
const c = new Compartment();
assert.notSameValue(Function.prototype.constructor, c.evaluate('Function'));
assert.sameValue(c.evaluate('Function.prototype'), Function.prototype);
