/*---
description: After lockdown, deleting Array.prototype.map fails - false from Reflect.deleteProperty, TypeError from a strict delete.
---*/
lockdown();
assert.sameValue(Reflect.deleteProperty(Array.prototype, 'map'), false);
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate('delete Array.prototype.map'));
assert.sameValue(typeof Array.prototype.map, 'function');
