/*---
description: lockdown accepts every stackFiltering value ('concise', 'omit-frames', 'shorten-paths', 'verbose').
---*/
lockdown({ stackFiltering: 'verbose', reporting: 'none' });
for (const value of ['concise', 'omit-frames', 'shorten-paths', 'verbose']) {
  let message = 'nothing thrown';
  try { lockdown({ stackFiltering: value, reporting: 'none' }); } catch (e) { message = String(e.message); }
  assert(message.includes('SES_ALREADY_LOCKED_DOWN'), `stackFiltering ${value}: ${message}`);
}
