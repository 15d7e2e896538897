/*---
description: errorTaming 'safe' given explicitly also hides the frames.
---*/
lockdown({ errorTaming: 'safe' });
assert.sameValue(new Error('m').stack, 'Error: m');
