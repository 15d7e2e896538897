/*---
description: A parameter string that closes the parameter list early is a SyntaxError.
---*/
const c = new Compartment();
const F = c.globalThis.Function;
assert.throws(SyntaxError, () => F('a) { return 1 }; (function(', 'x'));
assert.throws(SyntaxError, () => F('a) { globalThis.pwned = 1 }; (function(', ''));
assert.sameValue(c.globalThis.pwned, undefined);
