/*---
description: errorTaming 'unsafe-debug' also shows the engine's stack frames.
---*/
lockdown({ errorTaming: 'unsafe-debug' });
const stack = new Error('m').stack;
assert.notSameValue(stack, 'Error: m');
assert(stack.includes('at '), JSON.stringify(stack));
