/*---
description: "Class 13 (realms-shim #51, Reflect.construct): picking a prototype from another realm or from the start compartment through new.target and GetFunctionRealm fallbacks."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
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
