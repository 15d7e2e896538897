/*---
description: lockdown accepts every reporting value ('platform', 'console', 'none').
---*/
lockdown({ reporting: 'none' });
for (const value of ['platform', 'console', 'none']) {
  let message = 'nothing thrown';
  try { lockdown({ reporting: value }); } catch (e) { message = String(e.message); }
  assert(message.includes('SES_ALREADY_LOCKED_DOWN'), `reporting ${value}: ${message}`);
}
