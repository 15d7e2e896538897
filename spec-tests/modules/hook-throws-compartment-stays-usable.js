/*---
description: "An error thrown (or a rejection) by importHook, importNowHook, moduleMapHook or importMetaHook propagates unchanged, and the compartment stays usable: a later import of another module works, and the failing specifier is retried (not memoised)."
flags: [module]
---*/
const thrown = {
  importHook: new RangeError('importHook'),
  importNowHook: new RangeError('importNowHook'),
  moduleMapHook: new RangeError('moduleMapHook'),
  importMetaHook: new RangeError('importMetaHook'),
};
let failing = true;
const good = () => ({ source: new ModuleSource('export const ok = import.meta.ok;') });
const c = new Compartment({
  moduleMapHook: s => { if (failing && s === 'map') throw thrown.moduleMapHook; },
  importHook: async s => { if (failing && s !== 'meta') throw thrown.importHook; return good(); },
  importNowHook: s => { if (failing) throw thrown.importNowHook; return good(); },
  importMetaHook: (s, meta) => { if (failing && s === 'meta') throw thrown.importMetaHook; meta.ok = true; },
});
const caught = async f => { try { await f(); } catch (e) { return e; } return 'nothing thrown'; };
assert.sameValue(await caught(() => c.import('a')), thrown.importHook);
assert.sameValue(await caught(() => c.importNow('b')), thrown.importNowHook);
assert.sameValue(await caught(() => c.import('map')), thrown.moduleMapHook);
assert.sameValue(await caught(() => c.importNow('map')), thrown.moduleMapHook);
assert.sameValue(await caught(() => c.import('meta')), thrown.importMetaHook);
failing = false;
for (const specifier of ['a', 'b', 'map', 'meta', 'fresh']) {
  const { namespace } = await c.import(specifier);
  assert.sameValue(namespace.ok, true, `${specifier} loads after the failure`);
}
