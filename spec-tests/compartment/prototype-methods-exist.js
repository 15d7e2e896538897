/*---
description: Compartment.prototype has the methods evaluate, import, importNow, load and module.
---*/
for (const name of ['evaluate', 'import', 'importNow', 'load', 'module']) {
  assert.sameValue(typeof Compartment.prototype[name], 'function', name);
}
