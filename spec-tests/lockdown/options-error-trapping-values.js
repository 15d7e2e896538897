/*---
description: lockdown accepts every errorTrapping value ('platform', 'exit', 'abort', 'report', 'none').
---*/
lockdown({ errorTrapping: 'none', reporting: 'none' });
for (const value of ['platform', 'exit', 'abort', 'report', 'none']) {
  let message = 'nothing thrown';
  try { lockdown({ errorTrapping: value, reporting: 'none' }); } catch (e) { message = String(e.message); }
  assert(message.includes('SES_ALREADY_LOCKED_DOWN'), `errorTrapping ${value}: ${message}`);
}
