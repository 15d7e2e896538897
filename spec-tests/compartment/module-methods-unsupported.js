/*---
description: The module methods import, importNow, load and module currently throw TypeError saying modules are not yet supported.
---*/
const c = new Compartment();
for (const name of ['import', 'importNow', 'load', 'module']) {
  const error = assert.throws(TypeError, () => c[name]('x'), name);
  assert(String(error.message).includes('not yet supported'), `${name} message: ${error.message}`);
}
