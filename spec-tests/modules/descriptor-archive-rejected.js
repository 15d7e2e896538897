/*---
description: "An {archive} module descriptor is unsupported: loading it fails with a TypeError saying so."
flags: [module]
---*/
const c = new Compartment({ modules: { a: { archive: {}, path: 'x' } } });
const error = assert.throws(TypeError, () => c.importNow('a'));
assert(error.message.includes('archive'), error.message);
let rejected;
try { await c.import('a'); } catch (e) { rejected = e; }
assert.sameValue(rejected && rejected.constructor, TypeError);
assert(rejected.message.includes('archive'), rejected.message);
