/*---
description: lockdown accepts every legacyRegeneratorRuntimeTaming value ('safe', 'unsafe-ignore').
---*/
lockdown({ legacyRegeneratorRuntimeTaming: 'safe', reporting: 'none' });
for (const value of ['safe', 'unsafe-ignore']) {
  let message = 'nothing thrown';
  try { lockdown({ legacyRegeneratorRuntimeTaming: value, reporting: 'none' }); } catch (e) { message = String(e.message); }
  assert(message.includes('SES_ALREADY_LOCKED_DOWN'), `legacyRegeneratorRuntimeTaming ${value}: ${message}`);
}
