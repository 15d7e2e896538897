/*---
description: "Class 38: lockdown's override-mistake accessors used to write onto shared prototypes or other objects (setter called with a shared or primitive receiver, Reflect.set with a foreign receiver)."
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
const shared = harden({ kind: 'shared' });
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { shared } });
const seen = attacker.evaluate(`
  const attempt = f => { try { const r = f(); return r === false ? 'false' : 'worked'; } catch (e) { return e.constructor.name; } };
  const f = () => 'poisoned';
  const setter = (o, k) => Object.getOwnPropertyDescriptor(o, k).set;
  // Ordinary use: an instance shadows an inherited method (moderate taming).
  const mine = {};
  mine.toString = f;
  const e = new TypeError('x');
  e.name = 'Mine';
  ({
    ordinary: [String(mine), String(e)],
    attacks: [
      attempt(() => setter(Object.prototype, 'toString').call(Object.prototype, f)),
      attempt(() => setter(Object.prototype, 'toString').call(Array.prototype, f)),
      attempt(() => setter(Object.prototype, 'toString').call(Function.prototype, f)),
      attempt(() => setter(Object.prototype, 'toString').call(shared, f)),
      attempt(() => setter(Object.prototype, 'toString').call('primitive', f)),
      attempt(() => setter(Error.prototype, 'name').call(TypeError.prototype, 'X')),
      attempt(() => Reflect.set(Object.prototype, 'valueOf', f, Array.prototype)),
      attempt(() => Reflect.set(Object.prototype, 'valueOf', f, Object.prototype)),
      attempt(() => { Object.prototype.toString = f; }),
      attempt(() => { Array.prototype.push = f; }),
    ],
    getter: [Object.isFrozen(Object.getOwnPropertyDescriptor(Object.prototype, 'toString').get),
      Object.getOwnPropertyDescriptor(Object.prototype, 'toString').get.call(Object.prototype) === Object.prototype.toString],
  });
`);
assert.compareArray(seen.ordinary, ['poisoned', 'Mine: x']);
for (const outcome of seen.attacks) assert(outcome === 'TypeError' || outcome === 'false', `override attack: ${outcome}`);
assert.compareArray(seen.getter, [true, true]);
assert.sameValue(String({}), '[object Object]');
assertUnchanged(before);
