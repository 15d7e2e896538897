/*---
description: "SES #273 (class 5) and the start compartment's powers, translated: anything a compartment reaches (own properties, prototypes, accessors, syntax-made objects) leading to the start compartment's global, eval, Function, Compartment, mutabilities, original Date and Math, or the globals lockdown withholds."
includes: [isolation.js, reachable.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const reachable = new Map(reachableFromAttacker(attacker));
const startPowers = {
  globalThis, eval, Function, Compartment, mutabilities, Date, Math, Temporal,
  'Temporal.Now': Object.getOwnPropertyDescriptor(Temporal, 'Now').value,
  'Date.now': Date.now, 'Math.random': Math.random,
  SharedArrayBuffer, Atomics, WeakRef, FinalizationRegistry, Float16Array, Float32Array, Float64Array,
  bystanderGlobal: bystander.globalThis,
};
for (const [name, power] of Object.entries(startPowers)) {
  assert.sameValue(reachable.has(power), false, `${name} reachable from a compartment at ${reachable.get(power)}`);
}
// The shared things really are shared, so the walk saw the same objects the start compartment has.
for (const [name, shared] of Object.entries({ Array, 'Object.prototype': Object.prototype, harden, lockdown, 'Compartment.prototype': Compartment.prototype })) {
  assert.sameValue(reachable.has(shared), true, `${name} reachable`);
}
assertUnchanged(before);
