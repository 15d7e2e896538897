/*---
description: "Class 40: allocation requests beyond the engine's limits (buffers, arrays, strings) crashing the host instead of throwing a catchable RangeError; real memory exhaustion is out of scope (docs/security.md) and String.prototype.repeat's abort is checked from Rust (tests/host_boundary.rs)."
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
const outcomes = attacker.evaluate(`
  const attempt = f => { try { f(); return 'allocated'; } catch (e) { return e.constructor.name; } };
  [
    attempt(() => new ArrayBuffer(2 ** 40)),
    attempt(() => new ArrayBuffer(8, { maxByteLength: 2 ** 40 })),
    attempt(() => new Uint8Array(2 ** 40)),
    attempt(() => new Array(2 ** 32)),
    attempt(() => { const a = []; a.length = 2 ** 32; }),
    attempt(() => 'x'.padStart(2 ** 33)),
    attempt(() => 'x'.padEnd(2 ** 32)),
    attempt(() => 'x'.repeat(Infinity)),
    attempt(() => 'x'.repeat(2 ** 33)),
    attempt(() => new DataView(new ArrayBuffer(1), 0, 2 ** 40)),
  ];
`);
assert.compareArray(outcomes, Array(10).fill('RangeError'));
assertUnchanged(before);
