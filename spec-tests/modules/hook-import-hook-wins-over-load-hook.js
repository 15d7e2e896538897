/*---
description: "When both are given, importHook wins over loadHook and importNowHook over loadNowHook; the losing aliases are never called."
flags: [module]
---*/
const log = [];
const source = new ModuleSource('export default 1;');
const c = new Compartment({
  importHook: async s => { log.push('importHook'); return { source }; },
  loadHook: async s => { log.push('loadHook'); return { source }; },
  importNowHook: s => { log.push('importNowHook'); return { source }; },
  loadNowHook: s => { log.push('loadNowHook'); return { source }; },
});
await c.import('a');
c.importNow('b');
await c.load('c');
assert.compareArray(log, ['importHook', 'importNowHook', 'importHook']);
