/*---
description: "Class 32: building a high-resolution timer from shared memory (SharedArrayBuffer, Atomics.wait, Atomics.waitAsync) in a compartment, by name or through any reachable object."
includes: [isolation.js, reachable.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
assert.sameValue(attacker.evaluate('typeof SharedArrayBuffer + typeof Atomics'), 'undefinedundefined');
const reachable = new Set(reachableFromAttacker(attacker).map(([object]) => object));
for (const [name, object] of [['SharedArrayBuffer', SharedArrayBuffer], ['SharedArrayBuffer.prototype', SharedArrayBuffer.prototype],
  ['Atomics', Atomics], ['Atomics.wait', Atomics.wait], ['Atomics.waitAsync', Atomics.waitAsync]]) {
  assert.sameValue(reachable.has(object), false, `${name} is reachable from a compartment`);
}
// An ArrayBuffer is never shared memory, even resizable.
assert.sameValue(attacker.evaluate(`
  const buffer = new ArrayBuffer(8, { maxByteLength: 16 });
  buffer.resize(16);
  Object.getPrototypeOf(buffer) === ArrayBuffer.prototype && buffer.constructor === ArrayBuffer && buffer.byteLength;
`), 16);
assertUnchanged(before);
