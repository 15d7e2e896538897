/*---
description: After lockdown, replacing a non-enabled method of a shared prototype (Array.prototype.map) throws TypeError.
---*/
lockdown();
const map = Array.prototype.map;
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate('Array.prototype.map = function () { return "evil"; }'));
assert.sameValue(Array.prototype.map, map);
