/*---
description: "A SES-shim virtual module source may list reexports: every export of each listed module is re-exported next to its own exports."
flags: [module]
---*/
const c = new Compartment({
  resolveHook: specifier => specifier,
  modules: {
    dep: { source: new ModuleSource('export const r = "re"; export const s = "se";') },
    v: { source: { imports: [], exports: ['a'], reexports: ['dep'], execute(exportsTarget) { exportsTarget.a = 1; } } },
  },
});
const { namespace } = await c.import('v');
assert.compareArray(Object.keys(namespace).sort(), ['a', 'r', 's']);
assert.sameValue(namespace.a, 1);
assert.sameValue(namespace.r, 're');
