/*---
description: "Class 35: stamping private fields (hidden state) onto hardened objects and shared intrinsics through the return-override trick, as a channel invisible to harden."
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
const results = attacker.evaluate(`
  class Base { constructor(o) { return o; } }
  class Stamp extends Base { #mark = 'stamped'; static has(o) { return #mark in o; } }
  const targets = { shared, hardened: harden({}), objectPrototype: Object.prototype, arrayPrototype: Array.prototype,
    functionPrototype: Function.prototype, ownFunction: Function, compartmentPrototype: Compartment.prototype,
    frozenArray: Object.freeze([]), sealed: Object.seal({}), preventExtensions: Object.preventExtensions({}) };
  const out = {};
  for (const [name, target] of Object.entries(targets)) {
    try { new Stamp(target); out[name] = 'stamped'; } catch (e) { out[name] = e.constructor.name; }
    out[name] += Stamp.has(target) ? '+marked' : '';
  }
  out;
`);
assert.sameValue(Object.keys(results).length, 10);
for (const [name, outcome] of Object.entries(results)) assert.sameValue(outcome, 'TypeError', name);
assertUnchanged(before);
