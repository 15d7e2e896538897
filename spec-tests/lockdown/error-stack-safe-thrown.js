/*---
description: With errorTaming 'safe', an error thrown by the engine has a stack without frames.
---*/
lockdown();
const c = new Compartment();
const stack = c.evaluate('try { null.x; } catch (e) { e.stack }');
assert.sameValue(typeof stack, 'string');
assert(stack.startsWith('TypeError'), stack);
assert(!stack.includes('\n'), `no frames: ${JSON.stringify(stack)}`);
