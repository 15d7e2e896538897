/*---
description: Evaluated code is strict even with a sloppy-looking directive; assigning a read-only property throws.
---*/
const c = new Compartment();
assert.throws(TypeError, () => c.evaluate('"use sloppy"; Object.freeze({a: 1}).a = 2'));
