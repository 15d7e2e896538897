/*---
description: With the default overrideTaming, assigning constructor and toString on a function's prototype chain works through the Function.prototype enablements.
---*/
lockdown();
const c = new Compartment();
assert.sameValue(c.evaluate("function F() {} F.toString = () => 'F!'; `${F}`"), 'F!');
assert.sameValue(c.evaluate("function G() {} function H() {} G.constructor = H; G.constructor === H"), true);
