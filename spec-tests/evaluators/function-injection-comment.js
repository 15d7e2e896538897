/*---
description: Parameters and body that combine into a comment spanning the separator are a SyntaxError.
---*/
const F = new Compartment().globalThis.Function;
assert.throws(SyntaxError, () => F('/*', '*/){'));
