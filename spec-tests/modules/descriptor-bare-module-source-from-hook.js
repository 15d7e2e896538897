/*---
description: "A hook may return a bare ModuleSource (or a bare virtual module source) as the descriptor; it is instantiated in the hooked compartment."
flags: [module]
---*/
const c = new Compartment({
  globals: { who: 'c' },
  importHook: async specifier => new ModuleSource(`export default who + ":${specifier}";`),
  importNowHook: specifier => specifier === 'virtual'
    ? { bindings: [{ export: 'v' }], execute($) { $.v = 'virtual'; } }
    : new ModuleSource(`export default who + ":${specifier}";`),
});
assert.sameValue((await c.import('a')).namespace.default, 'c:a');
// importNow is called outside argument lists (see import-now-inside-call-arguments.js).
const b = c.importNow('b');
assert.sameValue(b.default, 'c:b');
const virtual = c.importNow('virtual');
assert.sameValue(virtual.v, 'virtual');
