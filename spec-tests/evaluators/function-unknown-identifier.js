/*---
description: Functions made by a compartment's Function throw ReferenceError for unknown names and for assignment to undeclared names.
---*/
const F = new Compartment().globalThis.Function;
assert.throws(ReferenceError, () => F('return unknownThing')());
assert.throws(ReferenceError, () => F('leak = 1')());
