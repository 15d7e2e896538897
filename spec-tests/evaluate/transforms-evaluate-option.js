/*---
description: The transforms option of evaluate rewrites the source before it runs.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('1 + 1', { transforms: [src => src.replace('1 + 1', '40 + 2')] }), 42);
