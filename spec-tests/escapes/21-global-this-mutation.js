/*---
description: "Class 21: a compartment mutating, replacing or hardening its own globalThis (which is not frozen) affecting other compartments or the start compartment."
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
assert.sameValue(Object.isFrozen(attacker.globalThis), false, 'a compartment global is not frozen (as in SES and XS)');
const seen = attacker.evaluate(`
  const { isFrozen } = Object;
  globalThis.added = 1;
  delete globalThis.Array;
  globalThis.Object = function FakeObject() {};
  Reflect.defineProperty(globalThis, 'JSON', { get() { return 'fake'; }, configurable: true });
  delete globalThis.eval;
  delete globalThis.Function;
  delete globalThis.Compartment;
  globalThis.globalThis = { fake: true };
  const afterMutation = [typeof Array, Object.name, JSON, typeof eval, typeof Function, typeof Compartment, globalThis.fake].join();
  harden(this);
  let write;
  try { this.more = 1; write = 'wrote'; } catch (e) { write = e.constructor.name; }
  [afterMutation, isFrozen(this), write];
`);
assert.compareArray(seen, ['undefined,FakeObject,fake,undefined,undefined,undefined,true', true, 'TypeError']);
// Shared intrinsics are untouched: the attacker only changed which values its own global holds.
assert.sameValue(new Compartment().evaluate('[typeof Array, Object.name, typeof JSON.stringify, typeof eval].join()'), 'function,Object,function,function');
assertUnchanged(before);
