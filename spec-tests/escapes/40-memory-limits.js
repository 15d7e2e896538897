/*---
description: "Class 40: allocation requests beyond the engine's limits (buffers, arrays, strings, argument lists) crashing the host instead of throwing a catchable RangeError; real memory exhaustion is out of scope (docs/security.md); tests/host_boundary.rs runs the requests Boa itself would abort on, each in a child process."
includes: [isolation.js]
---*/
// Before lockdown tames it, Array.prototype.toLocaleString is the engine's own.
assert.throws(RangeError, () => Array.prototype.toLocaleString.call({ length: 2 ** 45 }));
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const snapshot = () => isolationSnapshot(bystander);
const assertUnchanged = before => assertIsolated(bystander, before);
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
