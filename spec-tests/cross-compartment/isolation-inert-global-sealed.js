/*---
description: The object returned by Function.prototype.constructor("return this")() in a compartment is an inert, non-extensible realm object.
---*/
const c = new Compartment();
const inert = c.evaluate('Function.prototype.constructor("return this")()');
assert.sameValue(typeof inert, 'object');
assert.notSameValue(inert, null);
assert.sameValue(Object.isExtensible(inert), false, 'not extensible');
assert.throws(TypeError, () => { inert.injected = 1; });
assert.sameValue(inert.injected, undefined);
assert.sameValue(c.evaluate('(function () { "use strict"; return typeof Function.prototype.constructor("return this")().assert; })()'), 'undefined');
