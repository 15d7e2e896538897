/*---
description: Hardening a typed array does not harden its buffer, which is reachable only through the buffer getter that harden does not call.
---*/
lockdown();
const ta = new Int32Array(2);
harden(ta);
assert.sameValue(Object.isFrozen(ta.buffer), false);
new Int32Array(ta.buffer)[1] = 7;
assert.sameValue(ta[1], 7);
