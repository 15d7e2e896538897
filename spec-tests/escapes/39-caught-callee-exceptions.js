/*---
description: "Class 39 (availability): ordinary guest code that catches a few thousand exceptions thrown by callees in one frame hitting Boa's uncatchable value-stack limit, which kills the whole evaluation."
boa-bug: "Boa 0.22 leaks value-stack slots for each exception a frame catches from a callee (released only when the frame returns): about 3,000 catches in one frame raise RuntimeLimitError StackSize; reproduced with a bare boa_engine Context."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
const before = snapshot();
const attacker = new Compartment({ __options__: true, name: 'attacker' });
assert.sameValue(attacker.evaluate(`
  const fail = () => { throw new TypeError('expected'); };
  let caught = 0;
  for (let i = 0; i < 5000; i += 1) { try { fail(); } catch (e) { caught += 1; } }
  caught;
`), 5000);
assertUnchanged(before);
