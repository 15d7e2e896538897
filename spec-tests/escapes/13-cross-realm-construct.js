/*---
description: "Class 13 (realms-shim #51, Reflect.construct): picking a prototype from another realm or from the start compartment through new.target and GetFunctionRealm fallbacks."
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
const startMade = harden(function startMade() {});
const attacker = new Compartment({ __options__: true, name: 'attacker', globals: { startMade } });
const report = attacker.evaluate(`
  const proto = Object.getPrototypeOf;
  const bound = (function () {}).bind();
  const proxy = new Proxy(function () {}, { get(t, k) { return k === 'prototype' ? undefined : t[k]; } });
  const { proxy: revoked, revoke } = Proxy.revocable(function () {}, {});
  revoke();
  const cases = {
    arrayBound: () => proto(Reflect.construct(Array, [], bound)) === Array.prototype,
    arrayProxy: () => proto(Reflect.construct(Array, [], proxy)) === Array.prototype,
    objectStartMade: () => proto(Reflect.construct(Object, [], startMade)) === startMade.prototype,
    promiseBound: () => proto(Reflect.construct(Promise, [r => r()], bound)) === Promise.prototype,
    errorBound: () => proto(Reflect.construct(TypeError, [], bound)) === TypeError.prototype,
    dateProxy: () => proto(Reflect.construct(Date, [0], proxy)) === Date.prototype,
    mapOwnFunction: () => proto(Reflect.construct(Map, [], Function)) === Function.prototype,
    compartmentBound: () => proto(Reflect.construct(Compartment, [], bound)) === Compartment.prototype,
    boundCompartment: () => proto(new (Compartment.bind(null))()) === Compartment.prototype,
    revokedNewTarget: () => { try { Reflect.construct(Array, [], revoked); return 'constructed'; } catch (e) { return e instanceof TypeError; } },
  };
  const out = {};
  for (const [name, check] of Object.entries(cases)) out[name] = check();
  out.frozen = [Array.prototype, Promise.prototype, TypeError.prototype, Date.prototype, Function.prototype, Compartment.prototype].every(Object.isFrozen);
  out;
`);
for (const [name, result] of Object.entries(report)) assert.sameValue(result, true, name);
assert.sameValue(Object.keys(report).length, 11);
assertUnchanged(before);
