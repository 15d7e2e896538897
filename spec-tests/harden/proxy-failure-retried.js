/*---
description: After harden throws on a proxy, nothing is recorded as hardened, so hardening the same object again retries and throws again.
---*/
lockdown();
let calls = 0;
const proxy = new Proxy({}, { preventExtensions() { calls += 1; throw new TypeError('refused'); } });
assert.throws(TypeError, () => harden(proxy));
assert.throws(TypeError, () => harden(proxy));
assert.sameValue(calls, 2, 'the trap ran again');
