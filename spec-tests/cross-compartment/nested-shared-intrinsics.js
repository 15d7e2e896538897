/*---
description: Grandchild compartments share the same intrinsics.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('new Compartment().evaluate("Array") === Array'), true);
assert.sameValue(c.evaluate('new Compartment().evaluate("Array")'), Array);
