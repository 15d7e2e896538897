/*---
description: Function.prototype.constructor reached from a compartment yields neither the start global nor the compartment global.
---*/
const c = new Compartment();
let result;
try {
  result = c.evaluate('Function.prototype.constructor("return this")()');
} catch (e) {
  result = e;
}
assert.notSameValue(result, globalThis, 'must not be the start compartment global');
assert.notSameValue(result, c.globalThis, 'must not be the compartment global');
