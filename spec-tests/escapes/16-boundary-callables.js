/*---
description: "Class 16: a callable passed across a compartment boundary (guest to host, host to guest, A to B) running with the caller's globals instead of its own."
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
const other = new Compartment({ __options__: true, name: 'other', globals: { who: 'other' } });
const host = harden({
  call: fn => fn(),
  bindAndCall: fn => Function.prototype.bind.call(fn, globalThis)(),
  returnBound: fn => fn.bind(null),
  otherFunction: other.evaluate('() => [who, typeof startOnly].join()'),
});
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { host, who: 'attacker' } });
const seen = attacker.evaluate(`
  const mine = function () { return [who, typeof startOnly, this == null || this === globalThis].join(); };
  [
    host.call(mine),
    host.bindAndCall(function () { return [who, typeof startOnly, typeof this.startOnly].join(); }),
    host.returnBound(mine)(),
    host.otherFunction(),
    host.call(host.otherFunction),
    host.call(() => typeof assert),
  ];
`);
assert.compareArray(seen, [
  'attacker,undefined,true',
  // The host chose to pass its own global as this: the function still resolves names in its own compartment.
  'attacker,undefined,string',
  'attacker,undefined,true',
  'other,undefined',
  'other,undefined',
  'undefined',
]);
assertUnchanged(before);
