/*---
description: "The Import function an XS virtual source gets (needsImport: true) imports through its compartment, resolving against the virtual module's specifier with resolveHook."
flags: [module]
---*/
let importFn;
const calls = [];
const c = new Compartment({
  resolveHook(specifier, referrer) {
    calls.push([specifier, referrer]);
    return `${referrer}/${specifier}`;
  },
  modules: {
    v: { source: { needsImport: true, execute($, Import) { importFn = Import; } } },
    'v/dep': { source: new ModuleSource('export default "dep";') },
  },
});
await c.import('v');
assert.sameValue(typeof importFn, 'function');
const result = await importFn('dep');
const namespace = result && result.namespace ? result.namespace : result;
assert.sameValue(namespace.default, 'dep');
assert.sameValue(calls.length, 1);
assert.compareArray(calls[0], ['dep', 'v']);
