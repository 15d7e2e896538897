/*---
description: "import() looks a specifier up in the memo, then the modules map, then moduleMapHook, then importHook: each step is consulted only when the earlier ones have nothing."
flags: [module]
---*/
const log = [];
const from = name => new ModuleSource(`export const from = "${name}";`);
const c = new Compartment({
  modules: { mapped: { source: from('map') } },
  moduleMapHook(specifier) {
    log.push(`moduleMapHook:${specifier}`);
    if (specifier === 'mapped' || specifier === 'hooked') return { source: from('moduleMapHook') };
    return undefined;
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
const mapped = (await c.import('mapped')).namespace;
assert.sameValue(mapped.from, 'map');
assert.compareArray(log, [], 'the map answers without any hook');
const hooked = (await c.import('hooked')).namespace;
assert.sameValue(hooked.from, 'moduleMapHook');
assert.compareArray(log, ['moduleMapHook:hooked']);
const other = (await c.import('other')).namespace;
assert.sameValue(other.from, 'importHook');
assert.compareArray(log, ['moduleMapHook:hooked', 'moduleMapHook:other', 'importHook:other'],
  'moduleMapHook returned undefined, so importHook was asked');
assert.sameValue((await c.import('other')).namespace, other, 'memoised');
assert.sameValue((await c.import('hooked')).namespace, hooked, 'memoised');
assert.sameValue(c.importNow('other'), other, 'importNow finds the memo too');
assert.sameValue(log.length, 3, 'no hook ran for memoised modules');
