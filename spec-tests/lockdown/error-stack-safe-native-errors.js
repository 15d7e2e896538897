/*---
description: "With errorTaming 'safe', the stack of native error subclasses is Name: message."
---*/
lockdown();
assert.sameValue(new TypeError('x').stack, 'TypeError: x');
assert.sameValue(new RangeError('r').stack, 'RangeError: r');
const c = new Compartment();
assert.sameValue(c.evaluate("new SyntaxError('s').stack"), 'SyntaxError: s');
