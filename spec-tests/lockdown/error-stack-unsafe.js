/*---
description: With errorTaming 'unsafe', error.stack shows the engine's stack frames.
---*/
lockdown({ errorTaming: 'unsafe' });
const c = new Compartment();
const stack = c.evaluate("(function f() { return new Error('m').stack; })()");
assert.sameValue(typeof stack, 'string');
assert.notSameValue(stack, 'Error: m');
assert(stack.includes('at ') && stack.includes('\n'), JSON.stringify(stack));
