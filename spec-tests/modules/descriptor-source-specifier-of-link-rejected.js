/*---
description: "{source: 'spec'} fails with a TypeError when the parent's descriptor for that specifier is a link to an instance (a namespace), not a source."
flags: [module]
---*/
const holder = new Compartment({ modules: { lib: { namespace: { a: 1 } } } });
const c = new Compartment({ modules: { x: { source: 'lib', compartment: holder } } });
const error = assert.throws(TypeError, () => c.importNow('x'));
assert(error.message.includes('"lib"') && error.message.includes('not a source'), error.message);
