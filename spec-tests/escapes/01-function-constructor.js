/*---
description: "Class 1: reaching the realm's Function constructor through .constructor of any function made in a compartment."
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
  const source = 'return globalThis';
  const attempts = {
    literal: () => (function () {}).constructor(source)(),
    arrow: () => (() => {}).constructor(source)(),
    method: () => ({ m() {} }).m.constructor(source)(),
    getter: () => Object.getOwnPropertyDescriptor({ get g() { return 1; } }, 'g').get.constructor(source)(),
    classConstructor: () => (class {}).constructor(source)(),
    bound: () => (function () {}).bind(null).constructor(source)(),
    native: () => Array.prototype.map.constructor(source)(),
    prototypeConstructor: () => Function.prototype.constructor(source)(),
    withNew: () => new ((() => {}).constructor)(source)(),
    reflectConstruct: () => Reflect.construct(Function.prototype.constructor, [source])(),
    reflectApply: () => Reflect.apply(Function.prototype.constructor, undefined, [source])(),
    viaCall: () => Function.prototype.call.call(Function.prototype.constructor, undefined, source)(),
    subclass: () => new (class extends Function.prototype.constructor {})(source)(),
  };
  const out = {};
  for (const [name, attempt] of Object.entries(attempts)) {
    try { out[name] = attempt(); } catch (error) { out[name] = error; }
  }
  out;
`);
assert(Object.keys(outcomes).length >= 13, 'every attempt ran');
for (const [name, outcome] of Object.entries(outcomes)) {
  assert(outcome instanceof TypeError, `${name} must throw a TypeError`);
}
// The inert constructor cannot be swapped for a working one on the shared prototype.
assert.sameValue(attacker.evaluate(`
  try { Function.prototype.constructor = Function; 'replaced'; } catch (error) { error.constructor.name; }
`), 'TypeError');
assert.sameValue(attacker.evaluate('(function () {}).constructor === Function'), false,
  'the inert constructor is not the compartment evaluator');
assertUnchanged(before);
