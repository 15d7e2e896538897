/*---
description: "importMetaHook(specifier, meta) is called once per module instance that uses import.meta, with the module's specifier and the import.meta object pre-filled from the descriptor's importMeta; what it adds appears on import.meta. Modules that never mention import.meta do not call it."
flags: [module]
---*/
const calls = [];
const c = new Compartment({
  resolveHook: specifier => specifier,
  importMetaHook(specifier, meta) {
    calls.push([specifier, Object.keys(meta).join(), Object.getPrototypeOf(meta)]);
    meta.url = `hooked:${specifier}`;
  },
  modules: {
    main: { source: new ModuleSource('import { dep } from "dep"; export const url = import.meta.url; export const base = import.meta.base; export { dep };'), importMeta: { base: 'b' } },
    dep: { source: new ModuleSource('export const dep = import.meta.url;') },
    silent: { source: new ModuleSource('export default 1;') },
  },
});
const { namespace } = await c.import('main');
assert.sameValue(namespace.url, 'hooked:main');
assert.sameValue(namespace.base, 'b');
assert.sameValue(namespace.dep, 'hooked:dep');
const silent = c.importNow('silent');
assert.sameValue(silent.default, 1);
await c.import('main');
assert.sameValue(calls.length, 2, 'once per instance, not for the module without import.meta');
const bySpecifier = Object.fromEntries(calls.map(([s, keys, proto]) => [s, [keys, proto]]));
assert.sameValue(bySpecifier.main[0], 'base', 'pre-filled from the descriptor');
assert.sameValue(bySpecifier.main[1], null, 'a null-prototype object');
assert.sameValue(bySpecifier.dep[0], '');
