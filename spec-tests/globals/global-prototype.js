/*---
description: A compartment's global object inherits from Object.prototype and is extensible.
---*/
const c = new Compartment();
assert.sameValue(Object.getPrototypeOf(c.globalThis), Object.prototype);
assert(Object.isExtensible(c.globalThis), 'extensible');
assert.sameValue(c.evaluate('hasOwnProperty'), Object.prototype.hasOwnProperty, 'inherited names resolve');
