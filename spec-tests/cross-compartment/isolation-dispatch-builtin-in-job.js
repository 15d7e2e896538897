/*---
description: A built-in reading global names through the inert realm object, run as a promise job scheduled by a compartment, cannot see start-compartment globals.
flags: [async]
---*/
const c = new Compartment();
const p = c.evaluate(`
  const inert = Function.prototype.constructor("return this")();
  Promise.resolve("assert").then(Reflect.get.bind(null, inert))
`);
p.then(value => {
  assert.notSameValue(typeof value, 'function', 'assert must not be reachable');
}, () => {}).then(() => $DONE(), $DONE);
