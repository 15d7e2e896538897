/*---
description: "Class 19 (realms-shim with-escape): a Symbol.unscopables on a compartment's global, or on shared prototypes, making name lookups skip the compartment and fall through to the start compartment."
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
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { endowed: 'mine' } });
const seen = attacker.evaluate(`
  const log = [];
  globalThis[Symbol.unscopables] = { Object: true, endowed: true, startOnly: true, assert: true };
  const first = [typeof Object, endowed, typeof startOnly, typeof assert].join();
  Object.defineProperty(globalThis, Symbol.unscopables, { get() { log.push('consulted'); return { endowed: true }; } });
  const second = [endowed, typeof startOnly].join();
  let writes = [];
  for (const target of [Object.prototype, Array.prototype, Function.prototype]) {
    try { target[Symbol.unscopables] = { endowed: true }; writes.push('wrote'); } catch (e) { writes.push(e.constructor.name); }
  }
  try { Array.prototype[Symbol.unscopables].flat = false; writes.push('wrote'); } catch (e) { writes.push(e.constructor.name); }
  [first, second, log.length, writes.join(), Object.isFrozen(Array.prototype[Symbol.unscopables])];
`);
assert.compareArray(seen, ['function,mine,undefined,undefined', 'mine,undefined', 0, 'TypeError,TypeError,TypeError,TypeError', true]);
// with is not available to compartment code at all.
assert.throws(SyntaxError, () => attacker.evaluate('with ({}) { startOnly; }'));
assert.throws(SyntaxError, () => attacker.evaluate('(0, eval)("with ({}) {}")'));
assertUnchanged(before);
