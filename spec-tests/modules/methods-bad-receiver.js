/*---
description: "import, importNow, load and module called on something that is not a compartment (a plain object, a compartment's globalThis, Compartment.prototype) throw a TypeError synchronously."
---*/
const c = new Compartment();
for (const name of ['import', 'importNow', 'load', 'module']) {
  const method = Compartment.prototype[name];
  assert.sameValue(typeof method, 'function', name);
  for (const receiver of [{}, c.globalThis, Compartment.prototype, undefined]) {
    assert.throws(TypeError, () => method.call(receiver, 'x'), `${name} on a non-compartment`);
  }
}
