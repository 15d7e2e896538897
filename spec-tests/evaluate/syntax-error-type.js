/*---
description: A parse error is thrown as the shared SyntaxError constructor and nothing runs.
---*/
const c = new Compartment();
const error = assert.throws(SyntaxError, () => c.evaluate('globalThis.ran = true; ('));
assert(error instanceof SyntaxError, 'instanceof SyntaxError');
assert.sameValue(c.globalThis.ran, undefined, 'nothing ran');
