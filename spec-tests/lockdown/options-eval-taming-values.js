/*---
description: lockdown accepts every evalTaming value, including the deprecated camel-case spellings.
---*/
lockdown({ evalTaming: 'safe-eval', reporting: 'none' });
for (const value of ['safe-eval', 'unsafe-eval', 'no-eval', 'safeEval', 'unsafeEval', 'noEval']) {
  let message = 'nothing thrown';
  try { lockdown({ evalTaming: value, reporting: 'none' }); } catch (e) { message = String(e.message); }
  assert(message.includes('SES_ALREADY_LOCKED_DOWN'), `evalTaming ${value}: ${message}`);
}
