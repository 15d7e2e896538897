/*---
description: "Class 8: a child compartment reaching its parent's evaluators, endowments or global, or the start compartment's."
---*/
globalThis.startOnly = 'start secret';
// Isolation check, the same in every escape test (the runner loads only assert.js): the start
// compartment's global, key shared intrinsics and a bystander compartment are snapshotted
// before the attack and must be unchanged after it.
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
function snapshot() {
  const roots = [['start globalThis', globalThis], ['bystander globalThis', bystander.globalThis],
    ['Object', Object], ['Object.prototype', Object.prototype], ['Function.prototype', Function.prototype],
    ['Array.prototype', Array.prototype], ['Error.prototype', Error.prototype],
    ['TypeError.prototype', TypeError.prototype], ['Promise', Promise], ['Promise.prototype', Promise.prototype],
    ['Reflect', Reflect], ['Symbol', Symbol], ['Compartment.prototype', Compartment.prototype],
    ['%IteratorPrototype%', Object.getPrototypeOf(Object.getPrototypeOf([].values()))]];
  const entries = [];
  for (const [name, object] of roots) {
    entries.push([`${name} frozen`, Object.isFrozen(object)], [`${name} [[Prototype]]`, Object.getPrototypeOf(object)]);
    for (const key of Reflect.ownKeys(object)) {
      const d = Reflect.getOwnPropertyDescriptor(object, key);
      for (const f of ['value', 'get', 'set', 'writable', 'enumerable', 'configurable']) entries.push([`${name}.${String(key)}.${f}`, d[f]]);
    }
  }
  entries.push(['bystander behaviour', bystander.evaluate(
    '[typeof token, token.kind, typeof assert, [1, 2].map(x => x * 2).join(), String({}), Function("return this")(), Object.keys(globalThis).join()].join("|")')]);
  return entries;
}
function assertUnchanged(before) {
  const after = snapshot();
  for (let i = 0; i < Math.max(before.length, after.length); i += 1) {
    const [was, is] = [before[i] || ['(none)'], after[i] || ['(none)']];
    assert.sameValue(is[0], was[0], 'snapshot entry');
    assert.sameValue(is[1], was[1], was[0]);
  }
}
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
