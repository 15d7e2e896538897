/*---
description: "Class 18: var and function declarations, sloppy-globals assignments and undeclared assignments of a compartment landing on the start compartment's global or another compartment's."
---*/
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
const attacker = new Compartment({ __options__: true, name: 'attacker' });
attacker.evaluate('var leakedVar = 1; function leakedFunction() {}');
attacker.evaluate('sloppyAssigned = 1', { sloppyGlobalsMode: true });
attacker.evaluate('(function () { sloppyInFunction = 2; })()', { sloppyGlobalsMode: true });
assert.throws(ReferenceError, () => attacker.evaluate('strictAssigned = 1'));
assert.throws(ReferenceError, () => attacker.evaluate('Function("strictInFunction = 1")()'));
// Declarations stay local to the evaluation (SES evaluate semantics).
assert.sameValue(attacker.evaluate('typeof leakedVar + typeof leakedFunction'), 'undefinedundefined');
// Sloppy-globals assignments land on the attacker's own global only.
assert.sameValue(attacker.globalThis.sloppyAssigned, 1);
assert.sameValue(attacker.globalThis.sloppyInFunction, 2);
for (const name of ['leakedVar', 'leakedFunction', 'sloppyAssigned', 'sloppyInFunction', 'strictAssigned', 'strictInFunction']) {
  assert.sameValue(name in globalThis, false, `${name} on the start global`);
  assert.sameValue(bystander.evaluate(`typeof ${name}`), 'undefined', `${name} in the bystander`);
}
// Assignments to universal names change the attacker's own global, nowhere else.
attacker.evaluate('Array = null; globalThis.Object = null; undefined');
assert.sameValue(attacker.evaluate('String(Array) + String(Object)'), 'nullnull');
assert.sameValue(typeof Array, 'function');
assertUnchanged(before);
