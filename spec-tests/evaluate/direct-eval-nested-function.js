/*---
description: Direct eval inside a nested function is rejected when the code is evaluated, before anything runs.
---*/
const c = new Compartment();
assert.throws(SyntaxError, () => c.evaluate('globalThis.ran = true; function f() { return () => eval("1"); }'));
assert.sameValue(c.globalThis.ran, undefined, 'nothing ran');
