/*---
description: A body that tries to close the function early is a SyntaxError.
---*/
const c = new Compartment();
const F = c.globalThis.Function;
assert.throws(SyntaxError, () => F('}, this.x = 1, {'));
assert.throws(SyntaxError, () => F('}); globalThis.pwned = 1; (function() {'));
assert.sameValue(c.globalThis.pwned, undefined);
assert.sameValue(c.globalThis.x, undefined);
