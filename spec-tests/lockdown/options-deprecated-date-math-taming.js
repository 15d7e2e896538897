/*---
description: The deprecated dateTaming and mathTaming options are accepted with any value (they only warn).
---*/
const result = lockdown({ dateTaming: 'unsafe', mathTaming: 5, reporting: 'none' });
assert.sameValue(result, undefined);
assert.sameValue(typeof harden, 'function');
let message = 'nothing thrown';
try { lockdown({ dateTaming: {}, mathTaming: null, reporting: 'none' }); } catch (e) { message = String(e.message); }
assert(message.includes('SES_ALREADY_LOCKED_DOWN'), message);
