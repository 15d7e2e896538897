/*---
description: "Class 41 (SES identity-continuity): values crossing compartments failing instanceof or Array.isArray checks, or a compartment's own Compartment and evaluators being the start compartment's."
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
const other = new Compartment({ __options__: true, name: 'other' });
assert(attacker.evaluate('[]') instanceof Array, '[] instanceof Array');
assert(Array.isArray(attacker.evaluate('[]')));
assert(attacker.evaluate('({})') instanceof Object);
assert(attacker.evaluate('new TypeError()') instanceof TypeError);
assert(attacker.evaluate('Promise.resolve()') instanceof Promise);
assert(attacker.evaluate('() => {}') instanceof Function, 'functions inherit the shared Function.prototype');
for (const name of ['Array', 'Object', 'Error', 'Promise', 'Map', 'RegExp', 'Symbol', 'Iterator', 'harden', 'lockdown']) {
  assert.sameValue(attacker.evaluate(name), other.evaluate(name), `${name} shared between compartments`);
  assert.sameValue(attacker.evaluate(name), globalThis[name], `${name} shared with the start compartment`);
}
for (const name of ['globalThis', 'eval', 'Function', 'Compartment']) {
  assert.notSameValue(attacker.evaluate(name), other.evaluate(name), `${name} is per compartment`);
  assert.notSameValue(attacker.evaluate(name), globalThis[name], `${name} differs from the start compartment's`);
}
assert(attacker.evaluate('new Compartment()') instanceof Compartment, 'every Compartment shares Compartment.prototype');
assert.sameValue(attacker.evaluate('Compartment.prototype'), Compartment.prototype);
assert.sameValue(attacker.evaluate('Function.prototype'), Function.prototype);
assert.sameValue(attacker.evaluate('Symbol.iterator'), Symbol.iterator);
assert.sameValue(attacker.evaluate('Symbol.for("registered")'), Symbol.for('registered'));
assertUnchanged(before);
