/*---
description: A compartment's transforms option applies to every evaluate call.
---*/
const c = new Compartment({ transforms: [src => src.replace(/RED/g, '"blue"')] });
assert.sameValue(c.evaluate('RED'), 'blue');
assert.sameValue(c.evaluate('RED + RED'), 'blueblue');
