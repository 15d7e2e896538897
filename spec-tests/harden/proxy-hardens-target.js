/*---
description: Hardening a transparent proxy freezes its target through the traps.
---*/
lockdown();
const target = { inner: {} };
const proxy = new Proxy(target, {});
assert.sameValue(harden(proxy), proxy);
assert(Object.isFrozen(target), 'target frozen');
assert(Object.isFrozen(target.inner), 'target value frozen');
