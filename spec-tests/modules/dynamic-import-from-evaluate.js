/*---
description: "import() in code run by c.evaluate reaches c's own hooks (importHook with the specifier as given, no resolveHook call for a script referrer) and resolves to the namespace itself, not a box."
flags: [module]
---*/
const calls = [];
const c = new Compartment({
  resolveHook: (s, r) => { calls.push(`resolve:${s}<-${r}`); return s; },
  importHook: async specifier => {
    calls.push(`c:${specifier}`);
    return { source: new ModuleSource('export default "from c";') };
  },
});
const namespace = await c.evaluate('import("dep")');
assert.sameValue(namespace.default, 'from c');
assert.sameValue(namespace[Symbol.toStringTag], 'Module');
assert.compareArray(calls, ['c:dep']);
const again = await c.evaluate('import("dep")');
assert.sameValue(again, namespace, 'memoised in c');
const { namespace: viaMethod } = await c.import('dep');
assert.sameValue(viaMethod, namespace, 'the same instance as c.import');
assert.compareArray(calls, ['c:dep']);
