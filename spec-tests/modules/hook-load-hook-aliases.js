/*---
description: "loadHook and loadNowHook are accepted as aliases of importHook and importNowHook (XS names)."
flags: [module]
---*/
const log = [];
const c = new Compartment({
  loadHook: async specifier => { log.push(`loadHook:${specifier}`); return { source: new ModuleSource('export default "async";') }; },
  loadNowHook: specifier => { log.push(`loadNowHook:${specifier}`); return { source: new ModuleSource('export default "sync";') }; },
});
const { namespace } = await c.import('a');
assert.sameValue(namespace.default, 'async');
const b = c.importNow('b');
assert.sameValue(b.default, 'sync');
assert.compareArray(log, ['loadHook:a', 'loadNowHook:b']);
