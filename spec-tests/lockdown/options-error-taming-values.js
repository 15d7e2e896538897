/*---
description: lockdown accepts every errorTaming value of ses 2.3.0 ('safe', 'unsafe', 'unsafe-debug').
---*/
lockdown({ errorTaming: 'unsafe-debug', reporting: 'none' });
// Options are validated before the already-locked-down check, so an accepted value reaches it.
for (const value of ['safe', 'unsafe', 'unsafe-debug']) {
  let message = 'nothing thrown';
  try { lockdown({ errorTaming: value, reporting: 'none' }); } catch (e) { message = String(e.message); }
  assert(message.includes('SES_ALREADY_LOCKED_DOWN'), `errorTaming ${value}: ${message}`);
}
