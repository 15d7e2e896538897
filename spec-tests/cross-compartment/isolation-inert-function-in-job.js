/*---
description: A function made by Function.prototype.constructor inside a compartment and run as a promise job cannot see start-compartment globals.
flags: [async]
---*/
const c = new Compartment();
const p = c.evaluate('Promise.resolve().then(Function.prototype.constructor("return typeof assert"))');
p.then(value => {
  assert.notSameValue(value, 'function', 'assert must not be reachable');
}, () => {}).then(() => $DONE(), $DONE);
