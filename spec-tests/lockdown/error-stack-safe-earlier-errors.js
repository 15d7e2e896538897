/*---
description: With errorTaming 'safe', an error created before lockdown also shows only its name and message after lockdown.
---*/
const early = new Error('early');
lockdown();
assert.sameValue(early.stack, 'Error: early');
