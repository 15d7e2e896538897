/*---
description: lockdown accepts every unhandledRejectionTrapping value ('report', 'none').
---*/
lockdown({ unhandledRejectionTrapping: 'none', reporting: 'none' });
for (const value of ['report', 'none']) {
  let message = 'nothing thrown';
  try { lockdown({ unhandledRejectionTrapping: value, reporting: 'none' }); } catch (e) { message = String(e.message); }
  assert(message.includes('SES_ALREADY_LOCKED_DOWN'), `unhandledRejectionTrapping ${value}: ${message}`);
}
