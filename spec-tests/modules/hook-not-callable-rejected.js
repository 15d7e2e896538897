/*---
description: "A hook option that is present must be callable (XS rule): resolveHook, importHook, importNowHook, loadHook, loadNowHook, moduleMapHook or importMetaHook given as a non-function, even undefined, makes the Compartment constructor throw a TypeError naming the option."
---*/
for (const name of ['resolveHook', 'importHook', 'importNowHook', 'loadHook', 'loadNowHook', 'moduleMapHook', 'importMetaHook']) {
  for (const value of [1, 'f', {}, undefined]) {
    const error = assert.throws(TypeError, () => new Compartment({ __options__: true, [name]: value }), `${name}: ${String(value)}`);
    assert(error.message.includes(name), error.message);
  }
}
const error = assert.throws(TypeError, () => new Compartment({ modules: 1 }));
assert(error.message.includes('modules'), error.message);
