/*---
description: "Class 31: observing garbage collection (WeakRef, FinalizationRegistry) from a compartment, by name or through any reachable object."
includes: [isolation.js, reachable.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
assert.sameValue(attacker.evaluate('typeof WeakRef + typeof FinalizationRegistry'), 'undefinedundefined');
const reachable = new Set(reachableFromAttacker(attacker).map(([object]) => object));
assert(reachable.size > 700);
for (const [name, object] of [['WeakRef', WeakRef], ['WeakRef.prototype', WeakRef.prototype],
  ['FinalizationRegistry', FinalizationRegistry], ['FinalizationRegistry.prototype', FinalizationRegistry.prototype]]) {
  assert.sameValue(reachable.has(object), false, `${name} is reachable from a compartment`);
}
// WeakMap and WeakSet stay: they cannot reveal collection.
assert.sameValue(attacker.evaluate('const k = {}; new WeakMap([[k, 1]]).get(k) + new WeakSet([k]).has(k)'), 2);
assertUnchanged(before);
