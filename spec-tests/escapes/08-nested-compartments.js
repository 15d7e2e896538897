/*---
description: "Class 8: a child compartment reaching its parent's evaluators, endowments or global, or the start compartment's."
includes: [isolation.js]
---*/
globalThis.startOnly = 'start secret';
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { parentSecret: 'parent' } });
const seen = attacker.evaluate(`
  globalThis.parentWrite = 1;
  const child = new Compartment({ __options__: true, name: 'child' });
  const grandchild = child.evaluate('new Compartment()');
  [
    child.evaluate('Function') !== Function,
    child.evaluate('eval') !== eval,
    child.evaluate('Compartment') !== Compartment,
    child.evaluate('globalThis') !== globalThis,
    child.evaluate('[typeof parentSecret, typeof parentWrite, typeof startOnly, typeof assert].join()'),
    grandchild.evaluate('[typeof parentSecret, typeof startOnly].join()'),
    child.evaluate('(0, eval)("this") === globalThis'),
    child.evaluate('Function("return globalThis")() === globalThis'),
    Reflect.ownKeys(child).length,
    child.evaluate('Object.getPrototypeOf(globalThis) === Object.prototype'),
    child.evaluate('Array') === Array,
  ];
`);
assert.compareArray(seen, [true, true, true, true, 'undefined,undefined,undefined,undefined', 'undefined,undefined', true, true, 0, true, true]);
// Writes by the child land on the child's global only.
assert.sameValue(attacker.evaluate(`
  new Compartment().evaluate('globalThis.parentSecret = "overwritten"; globalThis.Array = null; 1');
  parentSecret + typeof Array;
`), 'parentfunction');
assertUnchanged(before);
