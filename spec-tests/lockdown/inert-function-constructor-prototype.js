/*---
description: The inert Function constructor's prototype property is Function.prototype.
---*/
lockdown();
const InertFunction = (function () {}).constructor;
assert.sameValue(InertFunction.prototype, Function.prototype);
assert.sameValue(Function.prototype.constructor, InertFunction);
