/*---
description: lockdown accepts every overrideTaming value ('min', 'moderate', 'severe').
---*/
lockdown({ overrideTaming: 'severe', reporting: 'none' });
for (const value of ['min', 'moderate', 'severe']) {
  let message = 'nothing thrown';
  try { lockdown({ overrideTaming: value, reporting: 'none' }); } catch (e) { message = String(e.message); }
  assert(message.includes('SES_ALREADY_LOCKED_DOWN'), `overrideTaming ${value}: ${message}`);
}
