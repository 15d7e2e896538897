/*---
description: Hardening a revoked proxy throws TypeError.
---*/
lockdown();
const { proxy, revoke } = Proxy.revocable({}, {});
revoke();
assert.throws(TypeError, () => harden(proxy));
