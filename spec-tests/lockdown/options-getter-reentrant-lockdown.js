/*---
description: If an option getter itself locks down, the outer lockdown then throws SES_ALREADY_LOCKED_DOWN and the engine stays locked down.
---*/
let message = 'nothing thrown';
try {
  lockdown({
    reporting: 'none',
    get errorTaming() { lockdown({ reporting: 'none' }); return 'safe'; },
  });
} catch (e) {
  message = String(e.message);
}
assert(message.includes('SES_ALREADY_LOCKED_DOWN'), message);
assert.sameValue(typeof harden, 'function');
assert(Object.isFrozen(Array.prototype), 'locked down');
