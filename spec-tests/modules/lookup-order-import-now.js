/*---
description: "importNow() looks a specifier up in the memo, then the modules map, then moduleMapHook, then importNowHook (never importHook); import() later finds its result in the memo."
flags: [module]
---*/
const log = [];
const from = name => new ModuleSource(`export const from = "${name}";`);
const c = new Compartment({
  modules: { mapped: { source: from('map') } },
  moduleMapHook(specifier) {
    log.push(`moduleMapHook:${specifier}`);
    return specifier === 'hooked' ? { source: from('moduleMapHook') } : undefined;
  },
  importHook: async specifier => {
    log.push(`importHook:${specifier}`);
    return { source: from('importHook') };
  },
  importNowHook: specifier => {
    log.push(`importNowHook:${specifier}`);
    return { source: from('importNowHook') };
  },
});
const mapped = c.importNow('mapped');
assert.sameValue(mapped.from, 'map');
const hooked = c.importNow('hooked');
assert.sameValue(hooked.from, 'moduleMapHook');
const other = c.importNow('other');
assert.sameValue(other.from, 'importNowHook');
assert.compareArray(log, ['moduleMapHook:hooked', 'moduleMapHook:other', 'importNowHook:other']);
const again = c.importNow('other');
assert.sameValue(again, other, 'memoised');
const { namespace } = await c.import('other');
assert.sameValue(namespace, other, 'import() finds the importNow instance');
assert.sameValue(log.length, 3, 'no hook ran again');
