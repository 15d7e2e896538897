/*---
description: "Class 40, found by red-team round five: TextDecoder.decode sized its output from the guest's buffer with no cap, so a buffer of 1.4e9 bytes of 0xFF asked for a 4.2 GB lossy copy and aborted the host; output that would exceed the longest string is now a RangeError counted before anything is reserved, and inputs near the cap still decode."
includes: [isolation.js]
---*/
lockdown();
const bystander = new Compartment({ __options__: true, name: 'bystander', globals: { token: harden({ kind: 'token' }) } });
const before = isolationSnapshot(bystander);
const attacker = new Compartment({ __options__: true, name: 'attacker' });
const outcomes = attacker.evaluate(`
  const attempt = f => { try { return f(); } catch (e) { return e.constructor.name; } };
  // One code unit per byte: zeros decode to NULs.
  const over = 2 ** 29;
  [
    attempt(() => new TextDecoder().decode(new Uint8Array(over))),
    attempt(() => new TextDecoder().decode(new DataView(new ArrayBuffer(over)))),
    // Within the cap: 2^20 three-byte characters decode in full.
    attempt(() => new TextDecoder().decode(new TextEncoder().encode('\u20ac'.repeat(2 ** 20))).length),
  ];
`);
assert.compareArray(outcomes, ['RangeError', 'RangeError', 2 ** 20]);
assertIsolated(bystander, before);
