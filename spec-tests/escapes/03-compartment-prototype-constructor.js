/*---
description: "Class 3: building a compartment of the parent, or reaching the start compartment's Compartment, through Compartment.prototype.constructor."
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
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const outcomes = attacker.evaluate(`
  const attempts = {
    viaInstance: () => new (Object.getPrototypeOf(new Compartment()).constructor)(),
    viaPrototype: () => new Compartment.prototype.constructor(),
    called: () => Compartment.prototype.constructor(),
    instanceConstructor: () => new (new Compartment().constructor)(),
    reflect: () => Reflect.construct(Compartment.prototype.constructor, []),
  };
  const out = {};
  for (const [name, attempt] of Object.entries(attempts)) {
    try { out[name] = attempt(); } catch (error) { out[name] = error; }
  }
  out;
`);
for (const [name, outcome] of Object.entries(outcomes)) {
  assert(outcome instanceof TypeError, `${name} must throw a TypeError`);
}
assert.sameValue(attacker.evaluate('Compartment') === Compartment, false, 'own Compartment constructor');
assert.sameValue(attacker.evaluate('Object.isFrozen(Compartment) && Object.isFrozen(Compartment.prototype)'), true);
// A child made with the attacker's constructor sees neither the start nor the attacker globals.
assert.sameValue(attacker.evaluate(`
  globalThis.attackerOnly = 1;
  new Compartment().evaluate('[typeof startOnly, typeof attackerOnly, typeof assert].join()')
`), 'undefined,undefined,undefined');
// Replacing the shared inert constructor must fail.
assert.sameValue(attacker.evaluate(`
  try { Compartment.prototype.constructor = Compartment; 'replaced'; } catch (error) { error.constructor.name; }
`), 'TypeError');
assertUnchanged(before);
